-- Keeps updated_at honest whoever writes the row (JPA, plain JDBC or a psql session).
CREATE FUNCTION trigger_set_timestamp() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at = now();
  RETURN NEW;
END;
$$;
