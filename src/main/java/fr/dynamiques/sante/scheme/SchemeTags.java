package fr.dynamiques.sante.scheme;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.dynamiques.sante.territory.CogSnapshot;

/**
 * A scheme's representation and its entity tag: the hash of the JSON a reader gets (the admin's view, with personal
 * data, hashes differently from the public one). Whatever changes what a reader sees (the scheme, a coordinator's name,
 * an organisation's identifiers, another contract of its lineage) changes the tag. A write sent with
 * {@code If-Match} is refused with a 412 when the tag is no longer current: nobody overwrites a change they did not see.
 */
@ApplicationScoped
public class SchemeTags {

    /** The JSON of a scheme as a reader gets it, and its tag. */
    public record Tagged(byte[] body, EntityTag tag) {
    }

    private final CogSnapshot cog;
    private final ObjectMapper json;

    SchemeTags(CogSnapshot cog, ObjectMapper json) {
        this.cog = cog;
        this.json = json;
    }

    public Tagged of(Scheme scheme, boolean withPersonalData) {
        try {
            byte[] body = json.writeValueAsBytes(SchemeDocument.withHistory(scheme, cog, withPersonalData));
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return new Tagged(body,
                    new EntityTag(Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16))));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether an {@code If-Match} header holds for the scheme as this reader sees it now: absent, {@code *}, or one of
     * its tags equal to the current one (strong comparison: a weak tag never matches).
     */
    public boolean matches(String ifMatch, Scheme scheme, boolean withPersonalData) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return true;
        }
        String current = "\"" + of(scheme, withPersonalData).tag().getValue() + "\"";
        return Arrays.stream(ifMatch.split(",")).map(String::strip).anyMatch(current::equals);
    }
}
