package org.insigne.web.privacy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.insigne.backpack.badge.BackpackService;
import org.insigne.backpack.badge.BadgeExport;
import org.insigne.backpack.badge.StoredBadgeView;
import org.insigne.backpack.collection.BadgeCollectionService;
import org.insigne.backpack.sharing.AnonymousCvService;
import org.insigne.backpack.sharing.PublicProfileService;
import org.insigne.backpack.territory.TerritoryService;
import org.insigne.issuer.application.ApplicationRetention;
import org.insigne.issuer.application.ApplicationService;
import org.insigne.issuer.application.ApplicationView;
import org.insigne.issuer.endorsement.EndorsementService;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.web.account.AccountProfile;
import org.insigne.web.account.AccountService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * An earner's rights over their data (GDPR articles 17 and 20): a ZIP of everything we keep about them, and
 * the erasure of their account with everything it holds, in one transaction so that nothing is left half-done.
 */
@Service
@Transactional(readOnly = true)
public class DataRightsService {

    private static final Logger log = LoggerFactory.getLogger(DataRightsService.class);
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final AccountService accounts;
    private final BackpackService badges;
    private final BadgeCollectionService collections;
    private final AnonymousCvService cvs;
    private final Clock clock;
    private final TerritoryService territory;
    private final PublicProfileService profiles;
    private final StaffService staff;
    private final EndorsementService endorsements;
    private final ApplicationService applications;
    private final ApplicationRetention applicationRetention;

    DataRightsService(AccountService accounts, BackpackService badges, BadgeCollectionService collections,
                      AnonymousCvService cvs, Clock clock, TerritoryService territory, PublicProfileService profiles,
                      StaffService staff, EndorsementService endorsements, ApplicationService applications,
                      ApplicationRetention applicationRetention) {
        this.endorsements = endorsements;
        this.applications = applications;
        this.applicationRetention = applicationRetention;
        this.territory = territory;
        this.profiles = profiles;
        this.staff = staff;
        this.accounts = accounts;
        this.badges = badges;
        this.collections = collections;
        this.cvs = cvs;
        this.clock = clock;
    }

    /**
     * {@code account.json} (profile, collections, anonymous CVs), and per badge {@code badges/<id>.json} (what we
     * read from it and the last verification) beside the original bytes as received, {@code badges/<id>.<ext>}.
     */
    public byte[] export(UUID userId) {
        AccountProfile profile = accounts.profile(userId);
        List<BadgeExport> kept = badges.exportOf(userId);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, "account.json", JSON.writeValueAsBytes(account(profile, userId)));
            for (BadgeExport badge : kept) {
                String id = badge.badge().id().value().toString();
                put(zip, "badges/" + id + ".json", JSON.writeValueAsBytes(badge(badge.badge())));
                put(zip, "badges/" + id + "." + badge.extension(), badge.original());
            }
        } catch (IOException inMemory) {
            throw new UncheckedIOException(inMemory);
        }
        log.info("Data of user {} exported ({} badges)", userId, kept.size());
        return bytes.toByteArray();
    }

    /** Erases the account and everything it holds, once the password is confirmed; {@code WrongPassword} else. */
    @Transactional
    public void erase(UUID userId, String password) {
        // Password first: a wrong one must leave every badge, collection and CV in place.
        accounts.requirePassword(userId, password);
        territory.deleteAllOf(userId);
        // Staff places go too; an organisation left without owner passes to its longest-serving admin, else
        // member, else keeps no staff while the badges it issued stay verifiable (see StaffService.leaveAll).
        staff.leaveAll(userId);
        // What they endorsed in their own name is withdrawn; their signed documents stay verifiable, as revoked.
        endorsements.forgetPerson(userId);
        profiles.deleteAllOf(userId);
        // Their applications go, but for the public evidence of awarded ones, which their badges name.
        applicationRetention.forgetApplicant(userId);
        cvs.deleteAllOf(userId);
        collections.deleteAllOf(userId);
        badges.deleteAllOf(userId);
        accounts.deleteAccount(userId, password);
    }

    private Map<String, @Nullable Object> account(AccountProfile profile, UUID userId) {
        Map<String, @Nullable Object> account = new LinkedHashMap<>();
        account.put("id", profile.id().toString());
        account.put("email", profile.email());
        account.put("displayName", profile.displayName());
        account.put("preferredLanguage", profile.preferredLanguage());
        account.put("createdAt", profile.createdAt().toString());
        account.put("emailConfirmedAt", text(profile.emailConfirmedAt()));
        account.put("addresses", accounts.addresses(userId).stream().map(a -> {
            Map<String, @Nullable Object> m = new LinkedHashMap<>();
            m.put("email", a.email());
            m.put("confirmed", a.confirmed());
            m.put("login", a.login());
            return m;
        }).toList());
        account.put("publicProfile", profiles.profileOf(userId).map(p -> {
            Map<String, @Nullable Object> m = new LinkedHashMap<>();
            m.put("publicId", p.publicId());
            m.put("displayName", p.displayName());
            return m;
        }).orElse(null));
        account.put("exportedAt", clock.instant().toString());
        account.put("applications", applications.mine(userId).stream().map(DataRightsService::application).toList());
        account.put("collections", collections.collectionsOf(userId).stream().map(c -> {
            Map<String, @Nullable Object> m = new LinkedHashMap<>();
            m.put("id", c.id().value().toString());
            m.put("name", c.name());
            m.put("description", c.description());
            m.put("public", c.shared());
            m.put("publicId", c.publicId());
            m.put("createdAt", c.createdAt().toString());
            m.put("badges", c.badges().stream().map(b -> b.id().value().toString()).toList());
            return m;
        }).toList());
        account.put("anonymousCvs", cvs.cvsOf(userId).stream().map(cv -> {
            Map<String, @Nullable Object> m = new LinkedHashMap<>();
            m.put("id", cv.id().value().toString());
            m.put("label", cv.label());
            m.put("publicId", cv.publicId());
            m.put("revoked", cv.revoked());
            m.put("createdAt", cv.createdAt().toString());
            m.put("badges", cv.badges().stream().map(b -> b.id().value().toString()).toList());
            return m;
        }).toList());
        account.put("territoryMap", territory.entryOf(userId).map(entry -> {
            Map<String, @Nullable Object> m = new LinkedHashMap<>();
            m.put("publicId", entry.publicId());
            m.put("pseudonym", entry.pseudonym());
            m.put("place", entry.place().name());
            m.put("latitude", entry.place().latitude() == null ? null : entry.place().latitude().toPlainString());
            m.put("longitude", entry.place().longitude() == null ? null : entry.place().longitude().toPlainString());
            m.put("consentedAt", entry.consentedAt().toString());
            m.put("badges", entry.badges().stream().map(b -> b.value().toString()).toList());
            return m;
        }).orElse(null));
        return account;
    }

    private static Map<String, @Nullable Object> application(ApplicationView a) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("id", a.id().value().toString());
        m.put("badgeClass", a.badgeClassName());
        m.put("state", a.state().name());
        m.put("narrative", a.narrative());
        m.put("level", a.level());
        m.put("revision", a.revision());
        m.put("createdAt", a.createdAt().toString());
        m.put("answers", a.answers().stream().map(answer -> {
            Map<String, @Nullable Object> q = new LinkedHashMap<>();
            q.put("question", answer.label());
            q.put("answer", answer.content());
            return q;
        }).toList());
        m.put("evidence", a.evidence().stream().map(e -> {
            Map<String, @Nullable Object> piece = new LinkedHashMap<>();
            piece.put(e.isFile() ? "file" : "url", e.isFile() ? e.fileName() : e.url());
            piece.put("public", e.isPublic());
            return piece;
        }).toList());
        m.put("history", a.history().stream().map(e -> {
            Map<String, @Nullable Object> event = new LinkedHashMap<>();
            event.put("event", e.kind().name());
            event.put("at", e.at().toString());
            event.put("message", e.message());
            return event;
        }).toList());
        return m;
    }

    private static Map<String, @Nullable Object> badge(StoredBadgeView b) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("id", b.id().value().toString());
        m.put("name", b.name());
        m.put("issuer", b.issuerName());
        m.put("description", b.description());
        m.put("criteria", b.criteriaNarrative());
        m.put("criteriaUrl", text(b.criteriaUrl()));
        m.put("imageUrl", text(b.imageUrl()));
        m.put("spec", b.spec().name());
        m.put("receivedAs", b.inputKind().name());
        m.put("issuedOn", text(b.issuedOn()));
        m.put("expires", text(b.expires()));
        m.put("public", b.shared());
        m.put("publicId", b.publicId());
        m.put("verification", b.status().name());
        m.put("recipient", b.recipientStatus().name());
        m.put("lastCheckedAt", b.lastCheckedAt().toString());
        m.put("importedAt", b.importedAt().toString());
        m.put("lastChecks", b.lastChecks().stream().map(c -> {
            Map<String, @Nullable Object> check = new LinkedHashMap<>();
            check.put("id", c.id());
            check.put("status", c.status().name());
            check.put("messageKey", c.messageKey());
            return check;
        }).toList());
        return m;
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
