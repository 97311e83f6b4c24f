package fr.dynamiques.sante.access;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The session cookie of the pages, to be turned into the signed-in account. */
final class SessionRequest extends BaseAuthenticationRequest {

    final String cookie;

    SessionRequest(String cookie) {
        this.cookie = cookie;
    }
}
