package app.wasmcloud.api.web;

import app.wasmcloud.api.executor.ExecutorUnavailableException;
import app.wasmcloud.api.security.AccessRefusedException;
import app.wasmcloud.api.storage.StorageUnavailableException;
import app.wasmcloud.contract.InvalidFunctionNameException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** The one place where the API turns failures into RFC 9457 problem details. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final String INVOCATION_ID_HEADER = "X-Wasmcloud-Invocation-Id";

    private final UploadLimit uploadLimit;

    ApiExceptionHandler(UploadLimit uploadLimit) {
        this.uploadLimit = uploadLimit;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> apiException(ApiException e) {
        ResponseEntity<ProblemDetail> problem = problem(e.status(), e.title(), e.getMessage(), e.errors());
        return e.retryAfter()
                .map(wait -> ResponseEntity.status(problem.getStatusCode())
                        .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())))
                        .body(problem.getBody()))
                .orElse(problem);
    }

    @ExceptionHandler(AccessRefusedException.class)
    ResponseEntity<ProblemDetail> accessRefused(AccessRefusedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage(), List.of());
    }

    @ExceptionHandler(InvalidFunctionNameException.class)
    ResponseEntity<ProblemDetail> invalidFunctionName(InvalidFunctionNameException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid function name", e.getMessage(), List.of());
    }

    @ExceptionHandler(StorageUnavailableException.class)
    ResponseEntity<ProblemDetail> storageUnavailable(StorageUnavailableException e) {
        log.error("Module store unavailable", e);
        return problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Storage unavailable",
                "The module store is unavailable, so nothing was deployed; try again shortly.",
                List.of());
    }

    @ExceptionHandler(ExecutorUnavailableException.class)
    ResponseEntity<ProblemDetail> executorUnavailable(ExecutorUnavailableException e) {
        log.warn("Executor unavailable: {}", e.getMessage());
        ResponseEntity<ProblemDetail> problem = problem(
                HttpStatus.BAD_GATEWAY, "Executor unavailable", e.getMessage() + "; try again shortly.", List.of());
        if (e.invocationId().isEmpty()) {
            return problem;
        }
        // Named like every other invocation, so the caller can find this one in the function's log.
        String id = e.invocationId().get().toString();
        problem.getBody().setProperty("invocationId", id);
        return ResponseEntity.status(problem.getStatusCode())
                .header(INVOCATION_ID_HEADER, id)
                .body(problem.getBody());
    }

    /**
     * The database is down or not answering in time: a 503 the caller may retry, within the pool's connection timeout,
     * instead of a hung request and a generic 500. Any other database failure is unexpected.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<ProblemDetail> databaseFailure(Exception e) {
        if (!isOutage(e)) {
            return unexpected(e);
        }
        log.warn("Database unavailable: {}", e.getMessage());
        ResponseEntity<ProblemDetail> problem = problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Database unavailable",
                "The database is not answering right now; try again shortly.",
                List.of());
        return ResponseEntity.status(problem.getStatusCode())
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem.getBody());
    }

    /**
     * Whether the failure is the database being out of reach rather than this request: no connection, a connection
     * lost (SQLSTATE class 08), or a timeout. A statement on a connection that died with the server fails as whatever
     * was running then, a rollback for instance, so the whole chain of causes is looked at.
     */
    private static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof QueryTimeoutException
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || (cause instanceof SQLException sql
                            && sql.getSQLState() != null
                            && sql.getSQLState().startsWith("08"))
                    // A rollback fails at the JDBC level only on a broken connection (the pool's "Connection is
                    // closed" carries no SQLSTATE): the failure it was undoing was the outage.
                    || (cause instanceof org.hibernate.TransactionException
                            && cause.getCause() instanceof SQLException)) {
                return true;
            }
        }
        return false;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unhandled failure", e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error",
                "The server failed to handle this request; it has been logged.",
                List.of());
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException ex,
            org.springframework.http.HttpHeaders headers,
            org.springframework.http.HttpStatusCode status,
            org.springframework.web.context.request.WebRequest request) {
        return asObject(apiException(uploadLimit.exceeded()));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(
            MissingServletRequestPartException ex,
            org.springframework.http.HttpHeaders headers,
            org.springframework.http.HttpStatusCode status,
            org.springframework.web.context.request.WebRequest request) {
        return asObject(problem(
                HttpStatus.BAD_REQUEST,
                "Missing module",
                "Send the module as a multipart/form-data file part named '" + ex.getRequestPartName() + "'.",
                List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            org.springframework.http.HttpHeaders headers,
            org.springframework.http.HttpStatusCode status,
            org.springframework.web.context.request.WebRequest request) {
        return asObject(problem(
                HttpStatus.BAD_REQUEST,
                "Bad request",
                "Missing parameter '" + ex.getParameterName() + "'.",
                List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex,
            org.springframework.http.HttpHeaders headers,
            org.springframework.http.HttpStatusCode status,
            org.springframework.web.context.request.WebRequest request) {
        List<String> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + ": " + error.getDefaultMessage())
                .toList();
        return asObject(problem(HttpStatus.BAD_REQUEST, "Invalid request", String.join("; ", errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex,
            org.springframework.http.HttpHeaders headers,
            org.springframework.http.HttpStatusCode status,
            org.springframework.web.context.request.WebRequest request) {
        String detail = "The request body is not the JSON this endpoint expects.";
        if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
            detail = "Unknown field '" + unknown.getPropertyName() + "'; the fields are "
                    + unknown.getKnownPropertyIds() + ".";
        } else if (ex.getCause() instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(step -> step.getPropertyName() != null ? step.getPropertyName() : "[" + step.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            detail = "The field '" + field + "' has the wrong type.";
        }
        return asObject(problem(HttpStatus.BAD_REQUEST, "Unreadable request", detail, List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex,
            org.springframework.http.HttpHeaders headers,
            org.springframework.http.HttpStatusCode status,
            org.springframework.web.context.request.WebRequest request) {
        String name = ex.getPropertyName() == null ? "parameter" : "'" + ex.getPropertyName() + "'";
        String expected = ex.getRequiredType() == null
                ? "a different value"
                : "a value of type " + ex.getRequiredType().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        return asObject(problem(
                HttpStatus.BAD_REQUEST,
                "Bad request",
                "Invalid " + name + " '" + ex.getValue() + "': expected " + expected + ".",
                List.of()));
    }

    private static ResponseEntity<ProblemDetail> problem(
            HttpStatus status, String title, String detail, List<String> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).body(problem);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }
}
