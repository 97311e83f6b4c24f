package fr.dynamiques.sante.access;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

import fr.dynamiques.sante.account.Caller;

/** The identities the providers build: an account's (its role, the caller as an attribute), the scraper's, nobody's. */
public final class Identities {

    /** Identity attributes of a signed-in page visitor: the session's form token and the session's id. */
    public static final String FORM_TOKEN = "directory.form-token";
    public static final String SESSION_ID = "directory.session-id";

    /** The role of the metrics token, which reads /q/metrics and nothing else. */
    static final String METRICS = "METRICS";

    private Identities() {
    }

    static QuarkusSecurityIdentity.Builder of(Caller caller) {
        String name = caller.accountId() == null ? "configured-admin" : "account:" + caller.accountId();
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name)).addRole(caller.role().name())
                .addAttribute(Caller.ATTRIBUTE, caller);
    }

    static SecurityIdentity metricsScraper() {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("metrics")).addRole(METRICS).build();
    }

    static SecurityIdentity anonymous() {
        return QuarkusSecurityIdentity.builder().setAnonymous(true).setPrincipal(new QuarkusPrincipal("")).build();
    }
}
