package org.insigne.core.did;

import java.util.List;
import java.util.Objects;

import org.insigne.core.jsonld.BoundedJson;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a DID document (DID Core §5) whose keys are Multikey verification methods (Controlled Identifiers
 * §2.2.2), every one of them an assertion method: what {@link KeyResolver} reads for a {@code did:web}.
 */
public final class DidDocumentWriter {

    /** Controlled Identifiers v1.0, which defines {@code Multikey}. */
    public static final String MULTIKEY_CONTEXT = "https://w3id.org/security/multikey/v1";

    private DidDocumentWriter() {
    }

    /** One Ed25519 key of the DID, at {@code did#fragment}. */
    public record Key(String fragment, String publicKeyMultibase) {
        public Key {
            Objects.requireNonNull(fragment, "fragment");
            Objects.requireNonNull(publicKeyMultibase, "publicKeyMultibase");
        }
    }

    /** The DID, the other identifiers of its subject ({@code alsoKnownAs}, DID Core §5.1.3), and its keys. */
    public record DidDocumentDraft(String did, List<String> alsoKnownAs, List<Key> keys) {
        public DidDocumentDraft {
            Objects.requireNonNull(did, "did");
            alsoKnownAs = List.copyOf(alsoKnownAs);
            keys = List.copyOf(keys);
        }
    }

    public static byte[] write(DidDocumentDraft draft) {
        ObjectNode d = BoundedJson.MAPPER.createObjectNode();
        d.putArray("@context").add("https://www.w3.org/ns/did/v1").add(MULTIKEY_CONTEXT);
        d.put("id", draft.did());
        ArrayNode aliases = d.putArray("alsoKnownAs");
        draft.alsoKnownAs().forEach(aliases::add);
        ArrayNode methods = d.putArray("verificationMethod");
        ArrayNode assertion = d.putArray("assertionMethod");
        for (Key key : draft.keys()) {
            String id = draft.did() + "#" + key.fragment();
            ObjectNode k = methods.addObject();
            k.put("id", id);
            k.put("type", "Multikey");
            k.put("controller", draft.did());
            k.put("publicKeyMultibase", key.publicKeyMultibase());
            assertion.add(id);
        }
        return BoundedJson.MAPPER.writeValueAsBytes(d);
    }
}
