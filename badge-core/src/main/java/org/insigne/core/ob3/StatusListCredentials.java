package org.insigne.core.ob3;

import java.util.ArrayList;
import java.util.List;
import org.insigne.core.verification.Check;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A status list credential read on its own, as a verifier is sometimes handed one: a Verifiable Credential whose
 * subject is a {@code BitstringStatusList} (vc-bitstring-status-list §2.2) or a {@code StatusList2021}. It is
 * checked like any credential (context, proof, validity), with the list's own structure instead of a badge's.
 */
final class StatusListCredentials {

    static final String BITSTRING = "BitstringStatusListCredential";
    static final String LIST_2021 = "StatusList2021Credential";

    private StatusListCredentials() {
    }

    /** A credential typed as a status list, or whose subject is one, and that does not claim to be a badge. */
    static boolean isStatusList(OpenBadgeCredential credential) {
        List<String> types = credential.type();
        if (types.contains("OpenBadgeCredential") || types.contains("AchievementCredential")
                || types.contains("EndorsementCredential")) {
            return false;
        }
        if (types.contains(BITSTRING) || types.contains(LIST_2021)) {
            return true;
        }
        List<String> subjectTypes = Json.texts(credential.json().path("credentialSubject"), "type");
        return subjectTypes.contains("BitstringStatusList") || subjectTypes.contains("StatusList2021");
    }

    /**
     * vc-bitstring-status-list §2.2: {@code type} includes {@code BitstringStatusListCredential}, the subject
     * is a {@code BitstringStatusList} with a {@code statusPurpose} and an {@code encodedList} that decodes
     * (§3.1: base64url of GZIP, at least 16 KB); the same shape for StatusList2021.
     */
    static List<StructureCheck.Problem> problems(ObjectNode list) {
        List<StructureCheck.Problem> problems = new ArrayList<>();
        List<String> types = Json.texts(list, "type");
        if (!types.contains("VerifiableCredential")) {
            problems.add(new StructureCheck.Problem("type", "wrong-type"));
        }
        JsonNode subject = list.get("credentialSubject");
        if (subject == null || !subject.isObject()) {
            problems.add(new StructureCheck.Problem("credentialSubject", subject == null ? "missing" : "wrong-type"));
            return problems;
        }
        List<String> subjectTypes = Json.texts(subject, "type");
        boolean bitstring = subjectTypes.contains("BitstringStatusList");
        boolean list2021 = subjectTypes.contains("StatusList2021");
        if (!bitstring && !list2021) {
            problems.add(new StructureCheck.Problem("credentialSubject.type", "wrong-type"));
        } else if (bitstring && !types.contains(BITSTRING) || list2021 && !types.contains(LIST_2021)) {
            // The credential type is what a status entry's dereferencing checks (§3.2 step 4): a list
            // without it would be refused there, so it is refused here too.
            problems.add(new StructureCheck.Problem("type", "wrong-type"));
        }
        if (list.get("issuer") == null) {
            problems.add(new StructureCheck.Problem("issuer", "missing"));
        }
        if (Json.texts(subject, "statusPurpose").isEmpty()) {
            problems.add(new StructureCheck.Problem("credentialSubject.statusPurpose", "missing"));
        }
        String encoded = Json.text(subject, "encodedList");
        if (encoded == null) {
            problems.add(new StructureCheck.Problem("credentialSubject.encodedList", "missing"));
        } else {
            try {
                BitstringStatusList.decode(encoded);
            } catch (BitstringStatusList.StatusListUnreadable e) {
                problems.add(new StructureCheck.Problem("credentialSubject.encodedList", "wrong-type"));
            }
        }
        return problems;
    }

    /** The check that tells the reader this document is a status list, not a badge. */
    static Check parsed() {
        return Check.passed("ob3.parse", Ob3Verifier.PARSED_STATUS_LIST);
    }
}
