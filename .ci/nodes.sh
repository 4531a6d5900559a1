# Sourced by .ci/two-nodes and .ci/one-node-crash: application nodes run from the built jar, a real SMTP server
# (GreenMail, through .ci/MailSink.java), and the HTTP steps and database counts both scripts share.
# The caller sets ROOT (the repository), WORK (a scratch folder), and for sql: PG_HOST, PG_PORT, PG_USER, DB.

PSQL=/usr/lib/postgresql/15/bin/psql
[ -x "$PSQL" ] || PSQL=psql
started=$(date +%s)
SCRIPT_NAME=${SCRIPT_NAME:-nodes}
MAIL_PID=""

log() { printf '\n=== %s: %s (%ss)\n' "$SCRIPT_NAME" "$*" "$(( $(date +%s) - started ))"; }
sql() { PGOPTIONS="-c client_min_messages=warning" "$PSQL" -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "${2:-$DB}" -Atqc "$1"; }
free_port() { # a port nothing answers on
  local p
  while :; do p=$((20000 + RANDOM % 20000)); (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }; done
}
fail() { echo "FAILED: $*" >&2; for f in "$WORK"/node-*.log; do echo "--- $f" >&2; tail -30 "$f" >&2; done; exit 1; }

app_jar() {
  JAR=$(ls "$ROOT"/badge-web/target/badge-web-*.jar 2>/dev/null | grep -v -e '-plain' -e '-tests' -e '-sources' | head -1 || true)
  [ -n "$JAR" ] || fail "no badge-web jar in badge-web/target: run ./mvnw -pl badge-web -am package first"
}

# Starts GreenMail on a free port; every message's Message-ID is appended to $WORK/received.
start_mail_sink() {
  local version
  version=$(sed -n 's:.*<greenmail.version>\(.*\)</greenmail.version>.*:\1:p' "$ROOT/pom.xml")
  fetch_greenmail() {
    "$ROOT/mvnw" -q -N -f "$ROOT/pom.xml" ${MAVEN_ARGS:-} "$@" dependency:copy -Dartifact="com.icegreen:greenmail-standalone:$version" \
      -DoutputDirectory="$WORK/greenmail" >/dev/null
  }
  fetch_greenmail -o 2>/dev/null || fetch_greenmail   # from the local repository when there, else Maven Central
  SMTP_PORT=$(free_port)
  java -Xmx384m -cp "$WORK/greenmail/greenmail-standalone-$version.jar" "$ROOT/.ci/MailSink.java" "$SMTP_PORT" \
    "$WORK/received" >"$WORK/mail.log" 2>&1 &
  MAIL_PID=$!
  for _ in $(seq 1 240); do [ -f "$WORK/received" ] && break; sleep 0.5; done
  [ -f "$WORK/received" ] || { cat "$WORK/mail.log" >&2; fail "GreenMail did not start"; }
}

await_up() { # name port pid
  for _ in $(seq 1 600); do
    if curl -fs "http://127.0.0.1:$2/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then return 0; fi
    kill -0 "$3" 2>/dev/null || break
    sleep 1
  done
  fail "node $1 did not come up"
}
health() { curl -fs "http://127.0.0.1:$1/actuator/health" | grep -q '"status":"UP"' || fail "health of the node on port $1 is not UP"; }

csrf() { grep -o 'name="_csrf"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }

# Signs up and logs in on $1 (the account confirmed in the database), creates an organisation and publishes a
# badge class: sets COOKIES, org and badge.
organisation_with_badge() {
  local base=$1 email token password="une phrase de passe solide"
  COOKIES="$WORK/cookies"
  email="owner.$(date +%s)@example.org"
  token=$(curl -fs -c "$COOKIES" -b "$COOKIES" "$base/signup" | csrf)
  curl -fs -o /dev/null -c "$COOKIES" -b "$COOKIES" --data-urlencode "_csrf=$token" --data-urlencode "email=$email" \
    --data-urlencode "displayName=Camille" --data-urlencode "password=$password" "$base/signup"
  # The confirmation link is mailed; following it is not what these scripts test.
  sql "update user_account set email_confirmed_at = now() where email = '$email'"
  token=$(curl -fs -c "$COOKIES" -b "$COOKIES" "$base/login" | csrf)
  curl -fs -o /dev/null -c "$COOKIES" -b "$COOKIES" --data-urlencode "_csrf=$token" --data-urlencode "username=$email" \
    --data-urlencode "password=$password" "$base/login"
  token=$(curl -fs -c "$COOKIES" -b "$COOKIES" "$base/console/organisations/new" | csrf)
  org=$(curl -fs -o /dev/null -w '%{redirect_url}' -c "$COOKIES" -b "$COOKIES" --data-urlencode "_csrf=$token" \
    --data-urlencode "name=Ligue des nœuds" "$base/console/organisations" | sed 's:.*/organisations/::')
  [ -n "$org" ] || fail "no organisation created"
  token=$(curl -fs -c "$COOKIES" -b "$COOKIES" "$base/console/organisations/$org/badge-classes/new" | csrf)
  badge=$(curl -fs -o /dev/null -w '%{redirect_url}' -c "$COOKIES" -b "$COOKIES" -F "_csrf=$token" \
    -F "name=Animer une réunion" -F "description=Savoir animer une réunion." -F "criteria=Avoir animé trois réunions." \
    -F "levels=Je fais" -F "image=@$ROOT/badge-web/src/test/resources/badge.png;type=image/png" \
    "$base/console/organisations/$org/badge-classes" | sed 's:.*/badge-classes/::')
  [ -n "$badge" ] || fail "no badge class created"
  token=$(curl -fs -c "$COOKIES" -b "$COOKIES" "$base/console/organisations/$org/badge-classes/$badge" | csrf)
  curl -fs -o /dev/null -c "$COOKIES" -b "$COOKIES" --data-urlencode "_csrf=$token" \
    "$base/console/organisations/$org/badge-classes/$badge/publish"
}

bulk_award() { # base-url rows prefix: uploads and confirms a bulk award, prints the job's id
  local base=$1 rows=$2 prefix=$3 token path
  { echo "courriel;nom;niveau"; for i in $(seq 1 "$rows"); do echo "$prefix$i@example.org;Personne $i;Je fais"; done; } \
    >"$WORK/$prefix.csv"
  token=$(curl -fs -c "$COOKIES" -b "$COOKIES" "$base/console/organisations/$org/badge-classes/$badge/bulk" | csrf)
  path=$(curl -fs -o /dev/null -w '%{redirect_url}' -c "$COOKIES" -b "$COOKIES" -F "_csrf=$token" \
    -F "file=@$WORK/$prefix.csv;type=text/csv" "$base/console/organisations/$org/badge-classes/$badge/bulk")
  [ -n "${path##*/}" ] || fail "upload refused"
  token=$(curl -fs -c "$COOKIES" -b "$COOKIES" "$path" | csrf)
  curl -fs -o /dev/null -c "$COOKIES" -b "$COOKIES" --data-urlencode "_csrf=$token" "$path/confirm"
  echo "${path##*/}"
}

issued() { sql "select count(*) from bulk_award_row where job_id = '$1' and status = 'ISSUED'"; }
await_issued() { # job count
  for _ in $(seq 1 1200); do [ "$(issued "$1")" -ge "$2" ] && return 0; sleep 0.2; done
  fail "job $1 never reached $2 rows issued"
}
owed() { sql "select count(*) from bulk_award_row where job_id = '$1' and status = 'ISSUED' and notified_at is null and not mail_uncertain"; }
await_done() { # job: done and every mail sent (or in doubt)
  local state=""
  for _ in $(seq 1 600); do
    state=$(sql "select status from bulk_award_job where id = '$1'")
    [ "$state" = DONE ] && [ "$(owed "$1")" -eq 0 ] && return 0
    sleep 1
  done
  fail "job $1 not finished (state $state, $(owed "$1") mails owed)"
}

# A mail a node may have been sending when it died is in doubt and never resent by itself (decision 0015).
# The operator's check: one the SMTP server did receive was sent and is recorded so; one it did not receive
# goes back to the outbox.
settle_doubts() { # job
  local key doubts requeued=0
  sleep 2
  doubts=$(sql "select mail_key from bulk_award_row where job_id = '$1' and mail_uncertain")
  for key in $doubts; do
    if grep -q "^<$key@" "$WORK/received"; then
      sql "update bulk_award_row set mail_uncertain = false, notified_at = now() where job_id = '$1' and mail_key = '$key'"
    else
      sql "update bulk_award_row set mail_uncertain = false, mail_claimed_by = null where job_id = '$1' and mail_key = '$key'"
      requeued=$((requeued + 1))
    fi
  done
  echo "mails in doubt after the crash: $(echo "$doubts" | grep -c . || true); not received, put back: $requeued"
  for _ in $(seq 1 60); do [ "$(owed "$1")" -eq 0 ] && break; sleep 1; done
  sleep 2
}

# Fails unless job $1 made exactly $2 awards, each mailed exactly once (by Message-ID at the SMTP server).
check_awards_and_mails() { # job rows
  local awards mails distinct missing not_issued
  awards=$(sql "select count(*) from award a join bulk_award_row r on r.award_id = a.id where r.job_id = '$1'")
  not_issued=$(sql "select count(*) from bulk_award_row where job_id = '$1' and status <> 'ISSUED'")
  sql "select '<' || mail_key || '@insigne.local>' from bulk_award_row where job_id = '$1'" | sort >"$WORK/expected-$1"
  grep -xFf "$WORK/expected-$1" "$WORK/received" >"$WORK/mails-$1" || true
  mails=$(wc -l <"$WORK/mails-$1")
  distinct=$(sort -u "$WORK/mails-$1" | wc -l)
  missing=$(sort -u "$WORK/mails-$1" | comm -13 - "$WORK/expected-$1" | wc -l)
  echo "job $1: awards $awards; rows not issued $not_issued; mails received $mails, distinct $distinct, missing $missing"
  [ "$awards" -eq "$2" ] || fail "$awards awards, expected $2"
  [ "$not_issued" -eq 0 ] || fail "$not_issued rows not issued (duplicate or failed)"
  [ "$mails" -eq "$2" ] || fail "$mails mails received, expected $2"
  [ "$distinct" -eq "$2" ] || fail "a mail was received twice ($mails mails, $distinct distinct)"
  [ "$missing" -eq 0 ] || fail "$missing rows' mails were not received"
}
