package org.insigne.issuer.application;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.insigne.core.error.DomainException.Kind;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassNotFound;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications written signed out. A person who finds a badge's page without an account writes the whole
 * application first; it is checked as a sent one would be (bar the consent, given when sending) and kept here,
 * files included, until they sign up, confirm their address and sign in, which may take a day. Nobody can read
 * a draft back but the account that claimed it, and its files are never served: they are only sent on, inside
 * the application, where they are checked again. Drafts nobody claimed and sent go after {@link #KEPT}.
 */
@Service
@Transactional(readOnly = true)
public class ApplicationDraftService {

    public static final Duration KEPT = Duration.ofDays(30);

    private static final Logger log = LoggerFactory.getLogger(ApplicationDraftService.class);

    private final ApplicationService applications;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ApplicationDraftService(ApplicationService applications, JdbcTemplate jdbc, Clock clock) {
        this.applications = applications;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A draft read back for its author: what to show in the form and send with it. */
    public record Draft(UUID id, Submission submission) {

        /** The names of the files kept, evidence first, for the form to say they are already there. */
        public List<String> fileNames() {
            List<String> names = new ArrayList<>();
            submission.files().forEach(f -> names.add(f.fileName()));
            submission.answerFiles().values().forEach(f -> names.add(f.fileName()));
            return names;
        }
    }

    /** Checks and keeps an application written signed out; answers the draft's id, for the visitor's session. */
    @Transactional
    public UUID keep(BadgeClassId badgeClass, Submission submission) {
        ApplyPage page = applications.applyPage(badgeClass).orElseThrow(() -> new BadgeClassNotFound(badgeClass));
        if (page.closedReason() != null) {
            throw new ApplicationRefused(Kind.CONFLICT, page.closedReason().substring("error.application.".length()));
        }
        EvidenceChecks.narrative(submission.narrative());
        ApplicationService.askedLevel(page.settings(), page.badgeClass(), submission.level());
        AnswerChecks.answers(submission, page.settings());
        EvidenceChecks.Checked checked = EvidenceChecks.evidence(submission, page.settings(), 0, 0);
        UUID id = UUID.randomUUID();
        String[] answers = new String[ApplicationSettings.MAX_QUESTIONS];
        submission.answers().forEach((position, text) -> {
            if (position >= 0 && position < answers.length) {
                answers[position] = text;
            }
        });
        jdbc.update("""
                insert into application_draft (id, badge_class_id, narrative, level, answers, link_urls, link_public,
                                               created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", id, badgeClass.value(), submission.narrative(),
                submission.level(), answers,
                submission.links().stream().map(l -> l.url().strip()).toArray(String[]::new),
                submission.links().stream().map(Submission.LinkInput::isPublic).toArray(Boolean[]::new),
                Timestamp.from(clock.instant()));
        int position = 0;
        for (int i = 0; i < checked.files().size(); i++) {
            Submission.FileInput file = submission.files().get(i);
            keepFile(id, position++, null, checked.files().get(i).evidence().fileName(), file);
        }
        for (Map.Entry<Integer, Submission.FileInput> answer : submission.answerFiles().entrySet()) {
            Submission.FileInput file = answer.getValue();
            keepFile(id, position++, answer.getKey(), EvidenceChecks.fileName(file.fileName()), file);
        }
        log.info("Application draft {} kept for badge class {}", id, badgeClass.value());
        return id;
    }

    private void keepFile(UUID draft, int position, @Nullable Integer answerPosition, String name, Submission.FileInput file) {
        jdbc.update("""
                insert into application_draft_file (draft_id, position, answer_position, file_name, is_public, content)
                values (?, ?, ?, ?, ?, ?)""", draft, position, answerPosition, name, file.isPublic(), file.content());
    }

    /**
     * Gives the draft kept in a visitor's session to the account they signed in with, unless another account
     * took it already; answers whether it is now theirs.
     */
    @Transactional
    public boolean claim(UUID draft, UUID owner) {
        return jdbc.update("update application_draft set owner_id = ? where id = ? and (owner_id is null or owner_id = ?)",
                owner, draft, owner) == 1;
    }

    /** The latest draft of {@code owner} for the badge class, still within its time. */
    public Optional<Draft> draftOf(UUID owner, BadgeClassId badgeClass) {
        Timestamp since = Timestamp.from(clock.instant().minus(KEPT));
        return jdbc.query("""
                select id, narrative, level, answers, link_urls, link_public from application_draft
                where owner_id = ? and badge_class_id = ? and created_at > ? order by created_at desc limit 1""",
                (rs, i) -> read(rs), owner, badgeClass.value(), since).stream().findFirst();
    }

    /** Forgets the person's drafts for the badge class, once the application is sent. */
    @Transactional
    public void discard(UUID owner, BadgeClassId badgeClass) {
        jdbc.update("delete from application_draft where owner_id = ? and badge_class_id = ?", owner,
                badgeClass.value());
    }

    /** Forgets every draft of a person, with their account. */
    @Transactional
    public void discardAll(UUID owner) {
        jdbc.update("delete from application_draft where owner_id = ?", owner);
    }

    /** Erases the drafts kept longer than {@link #KEPT}; answers how many. */
    @Transactional
    public int eraseStale(Instant now) {
        return jdbc.update("delete from application_draft where created_at <= ?", Timestamp.from(now.minus(KEPT)));
    }

    private Draft read(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String[] answerArray = strings(rs.getArray("answers"));
        Map<Integer, String> answers = new HashMap<>();
        for (int i = 0; i < answerArray.length; i++) {
            if (answerArray[i] != null) {
                answers.put(i, answerArray[i]);
            }
        }
        String[] urls = strings(rs.getArray("link_urls"));
        Boolean[] open = (Boolean[]) rs.getArray("link_public").getArray();
        List<Submission.LinkInput> links = new ArrayList<>();
        for (int i = 0; i < urls.length; i++) {
            links.add(new Submission.LinkInput(urls[i], Boolean.TRUE.equals(open[i])));
        }
        List<Submission.FileInput> files = new ArrayList<>();
        Map<Integer, Submission.FileInput> answerFiles = new HashMap<>();
        jdbc.query("""
                select answer_position, file_name, is_public, content from application_draft_file
                where draft_id = ? order by position""", file -> {
            Submission.FileInput input = new Submission.FileInput(file.getString("file_name"),
                    file.getBytes("content"), file.getBoolean("is_public"));
            int answer = file.getInt("answer_position");
            if (file.wasNull()) {
                files.add(input);
            } else {
                answerFiles.put(answer, input);
            }
        }, id);
        return new Draft(id, new Submission(rs.getString("narrative"), links, files, false, null,
                rs.getString("level"), answers, answerFiles));
    }

    private static String[] strings(Array array) throws SQLException {
        return (String[]) array.getArray();
    }
}
