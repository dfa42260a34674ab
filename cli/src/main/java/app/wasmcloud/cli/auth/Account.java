package app.wasmcloud.cli.auth;

/**
 * What `whoami` and `login` print with `--output json`: the account and the API it is on.
 *
 * @param api the API base URL
 * @param login the user's login name
 * @param role admin or user
 * @param status pending, active or suspended
 */
record Account(String api, String login, String role, String status) {

    static Account of(String api, Whoami whoami) {
        return new Account(api, whoami.login(), whoami.role(), whoami.status());
    }

    String describe() {
        String text = login + " (" + role + ") on " + api;
        return "active".equals(status) ? text : text + " — account " + status;
    }
}
