// Sign-in rules against a real database: passwords, lockout, address throttling, sessions and
// one-time links, with a clock the test moves.
#include "collection/auth.h"

#include <atomic>
#include <gtest/gtest.h>

#include "collection/accounts.h"
#include "collection/field_error.h"
#include "core/utc_time.h"
#include "storage/mail_store.h"
#include "storage/user_store.h"
#include "support/temp_db.h"
#include "web/crypto.h"

using namespace dp;
using collection::SignInOutcome;

namespace {

struct AuthTest : ::testing::Test {
  test::TempDb db;
  std::string now = "2030-03-01T09:00:00Z";
  collection::Auth auth{db.store(), {}, [this] { return now; }};
  storage::User anna;

  void SetUp() override {
    anna = collection::add_user(db.store(), {"anna@ale.se", "Anna", "respondent", "1440", "", "sv"}, 0);
    auth.set_password(anna.id, "correct horse battery");
  }
  void advance(long long seconds) { now = utc_plus(now, seconds); }
};

}  // namespace

TEST_F(AuthTest, RightPasswordStartsASessionThatResolvesToTheUser) {
  auto r = auth.sign_in("anna@ale.se", "correct horse battery", "10.0.0.1");
  ASSERT_EQ(r.outcome, SignInOutcome::Ok);
  auto p = auth.resolve(r.token);
  EXPECT_EQ(p.user_id, anna.id);
  EXPECT_EQ(p.role, Role::Respondent);
  EXPECT_EQ(p.org_code, "1440");
  EXPECT_FALSE(p.csrf.empty());
}

TEST_F(AuthTest, EmailIsMatchedWithoutRegardToCase) {
  EXPECT_EQ(auth.sign_in("  ANNA@Ale.se ", "correct horse battery", "ip").outcome, SignInOutcome::Ok);
}

TEST_F(AuthTest, OnlyTheDigestOfTheSessionTokenIsStored) {
  auto r = auth.sign_in("anna@ale.se", "correct horse battery", "ip");
  EXPECT_FALSE(db.store().users().find_session(r.token, now)) << "the raw token must not be a key";
  EXPECT_TRUE(db.store().users().find_session(web::token_digest(r.token), now));
}

TEST_F(AuthTest, WrongPasswordAndUnknownEmailGetTheSameAnswer) {
  EXPECT_EQ(auth.sign_in("anna@ale.se", "wrong", "ip").outcome, SignInOutcome::BadCredentials);
  EXPECT_EQ(auth.sign_in("nobody@ale.se", "wrong", "ip").outcome, SignInOutcome::BadCredentials);
}

TEST_F(AuthTest, FiveWrongPasswordsPauseTheAddressEvenAgainstTheRightOne) {
  for (int i = 0; i < 4; ++i)
    EXPECT_EQ(auth.sign_in("anna@ale.se", "wrong", "ip" + std::to_string(i)).outcome, SignInOutcome::BadCredentials);
  EXPECT_EQ(auth.sign_in("anna@ale.se", "wrong", "ip9").outcome, SignInOutcome::Locked);
  EXPECT_EQ(auth.sign_in("anna@ale.se", "correct horse battery", "ip10").outcome, SignInOutcome::Locked);
  EXPECT_TRUE(auth.address_locked("Anna@Ale.se"));
  advance(15 * 60 + 1);
  EXPECT_EQ(auth.sign_in("anna@ale.se", "correct horse battery", "ip11").outcome, SignInOutcome::Ok);
}

// The answers must not tell which addresses have accounts: an address without one is paused
// after the same number of failures, with the same outcome.
TEST_F(AuthTest, AnAddressWithoutAnAccountIsPausedExactlyLikeOneWithAnAccount) {
  for (const std::string email : {"anna@ale.se", "nobody@ale.se"}) {
    std::vector<SignInOutcome> seen;
    for (int i = 0; i < 7; ++i) seen.push_back(auth.sign_in(email, "wrong", "ip" + std::to_string(i)).outcome);
    EXPECT_EQ(seen, (std::vector<SignInOutcome>{SignInOutcome::BadCredentials, SignInOutcome::BadCredentials,
                                                SignInOutcome::BadCredentials, SignInOutcome::BadCredentials,
                                                SignInOutcome::Locked, SignInOutcome::Locked, SignInOutcome::Locked}))
        << email;
    EXPECT_TRUE(auth.address_locked(email));
  }
}

TEST_F(AuthTest, SuccessResetsTheCountOfConsecutiveFailures) {
  for (int i = 0; i < 4; ++i) auth.sign_in("anna@ale.se", "wrong", "ip");
  advance(1);
  EXPECT_EQ(auth.sign_in("anna@ale.se", "correct horse battery", "ip").outcome, SignInOutcome::Ok);
  advance(1);
  for (int i = 0; i < 4; ++i)
    EXPECT_EQ(auth.sign_in("anna@ale.se", "wrong", "ip").outcome, SignInOutcome::BadCredentials);
}

TEST_F(AuthTest, ManyFailuresFromOneAddressAreThrottledAcrossAccounts) {
  for (int i = 0; i < 20; ++i) auth.sign_in("guess" + std::to_string(i) + "@ale.se", "x", "203.0.113.9");
  EXPECT_EQ(auth.sign_in("anna@ale.se", "correct horse battery", "203.0.113.9").outcome, SignInOutcome::Throttled);
  EXPECT_EQ(auth.sign_in("anna@ale.se", "correct horse battery", "198.51.100.1").outcome, SignInOutcome::Ok)
      << "another address is not affected";
  advance(15 * 60 + 1);
  EXPECT_EQ(auth.sign_in("anna@ale.se", "correct horse battery", "203.0.113.9").outcome, SignInOutcome::Ok);
}

TEST_F(AuthTest, SessionEndsAfterIdleTimeAndAtSignOut) {
  auto t1 = auth.sign_in("anna@ale.se", "correct horse battery", "ip").token;
  advance(11 * 3600);
  EXPECT_TRUE(auth.resolve(t1).signed_in()) << "used within the idle limit";
  advance(11 * 3600);
  EXPECT_TRUE(auth.resolve(t1).signed_in()) << "the previous use renewed it";
  advance(13 * 3600);
  EXPECT_FALSE(auth.resolve(t1).signed_in()) << "13 hours without use";
  auto t2 = auth.sign_in("anna@ale.se", "correct horse battery", "ip").token;
  auth.end_session(t2);
  EXPECT_FALSE(auth.resolve(t2).signed_in());
}

TEST_F(AuthTest, SessionEndsAtItsAbsoluteExpiryEvenWhenUsed) {
  auto t = auth.sign_in("anna@ale.se", "correct horse battery", "ip").token;
  for (int i = 0; i < 14; ++i) {
    advance(86400 - 60);
    auth.resolve(t);
  }
  advance(3600);
  EXPECT_FALSE(auth.resolve(t).signed_in());
}

TEST_F(AuthTest, RemovedAccountLosesItsSessions) {
  auto t = auth.sign_in("anna@ale.se", "correct horse battery", "ip").token;
  collection::remove_user(db.store(), anna.id, 99);
  EXPECT_FALSE(auth.resolve(t).signed_in());
  EXPECT_EQ(auth.sign_in("anna@ale.se", "correct horse battery", "ip").outcome, SignInOutcome::BadCredentials);
}

TEST_F(AuthTest, GarbageCookieIsAnonymous) {
  EXPECT_FALSE(auth.resolve("").signed_in());
  EXPECT_FALSE(auth.resolve("nope").signed_in());
  EXPECT_FALSE(auth.resolve(std::string(5000, 'a')).signed_in());
  EXPECT_FALSE(auth.resolve(std::string("a\0b", 3)).signed_in());
}

TEST_F(AuthTest, LoginLinkWorksOnceAndOnlyBeforeItExpires) {
  auto token = auth.issue_token(anna.id, "login");
  EXPECT_TRUE(auth.check_token(token, "login")) << "looking does not use it up";
  EXPECT_TRUE(auth.check_token(token, "login"));
  EXPECT_FALSE(auth.check_token(token, "invite")) << "a sign-in link is not an invitation";
  auto u = auth.use_login_link(token);
  ASSERT_TRUE(u);
  EXPECT_EQ(u->id, anna.id);
  EXPECT_FALSE(auth.use_login_link(token)) << "second use";
  auto late = auth.issue_token(anna.id, "login");
  advance(21 * 60);
  EXPECT_FALSE(auth.use_login_link(late));
}

// Anyone can pause password sign-in for an address by typing wrong passwords; the owner still
// signs in with the e-mailed link, and after that the password works again.
TEST_F(AuthTest, TheOwnerOfAPausedAddressSignsInByLinkAndThenByPasswordAgain) {
  for (int i = 0; i < 5; ++i) auth.sign_in("anna@ale.se", "wrong", "attacker-" + std::to_string(i));
  ASSERT_EQ(auth.sign_in("anna@ale.se", "correct horse battery", "ip").outcome, SignInOutcome::Locked);
  advance(1);
  EXPECT_TRUE(auth.use_login_link(auth.issue_token(anna.id, "login")));
  advance(1);
  EXPECT_EQ(auth.sign_in("anna@ale.se", "correct horse battery", "ip").outcome, SignInOutcome::Ok);
}

TEST_F(AuthTest, AcceptingAnInvitationSetsThePasswordOnce) {
  auto bo = collection::add_user(db.store(), {"bo@ale.se", "", "respondent", "1440", "", "sv"}, 0);
  auto token = auth.issue_token(bo.id, "invite");
  EXPECT_THROW(auth.accept_invitation(token, "short", "short"), collection::FieldError);
  try {
    auth.accept_invitation(token, "long enough password", "long enough passwort");
    FAIL();
  } catch (const collection::FieldError& e) {
    EXPECT_EQ(e.field(), "password2");
    EXPECT_EQ(e.message_key(), "password_mismatch");
  }
  auth.accept_invitation(token, "long enough password", "long enough password");
  EXPECT_EQ(auth.sign_in("bo@ale.se", "long enough password", "ip").outcome, SignInOutcome::Ok);
  try {
    auth.accept_invitation(token, "another long password", "another long password");
    FAIL() << "an invitation works once";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Conflict);
  }
  EXPECT_EQ(auth.sign_in("bo@ale.se", "long enough password", "ip").outcome, SignInOutcome::Ok);
}

TEST_F(AuthTest, InvitationExpiresAfterFourteenDays) {
  auto bo = collection::add_user(db.store(), {"bo@ale.se", "", "respondent", "1440", "", "sv"}, 0);
  auto token = auth.issue_token(bo.id, "invite");
  advance(14 * 86400 + 1);
  EXPECT_FALSE(auth.check_token(token, "invite"));
  EXPECT_THROW(auth.accept_invitation(token, "long enough password", "long enough password"), Error);
}

TEST_F(AuthTest, MailedLinksAreLimitedPerHour) {
  for (int i = 0; i < 5; ++i) {
    EXPECT_TRUE(auth.may_mail_link(anna.id));
    collection::mail_login_link(db.store(), auth, "anna@ale.se", "https://d.se");
  }
  EXPECT_FALSE(auth.may_mail_link(anna.id));
  collection::mail_login_link(db.store(), auth, "anna@ale.se", "https://d.se");
  EXPECT_EQ(db.store().mail().list({std::nullopt, false, "login_link", 0, 100}).size(), 5u);
  advance(3601);
  EXPECT_TRUE(auth.may_mail_link(anna.id));
}

TEST_F(AuthTest, LoginLinkIsNotMailedForAnUnknownAddress) {
  collection::mail_login_link(db.store(), auth, "nobody@ale.se", "https://d.se");
  EXPECT_EQ(db.store().mail().counts().queued, 0);
}

TEST_F(AuthTest, ChangingThePasswordEndsOtherSessions) {
  auto t = auth.sign_in("anna@ale.se", "correct horse battery", "ip").token;
  auth.set_password(anna.id, "a brand new password");
  EXPECT_FALSE(auth.resolve(t).signed_in());
  EXPECT_EQ(auth.sign_in("anna@ale.se", "a brand new password", "ip").outcome, SignInOutcome::Ok);
}

namespace {

// Counts the work a sign-in does: every attempt that reaches the password check must verify
// exactly once, whether the address has an account, the account is paused or the password
// right, so that response times do not tell the cases apart.
struct CountingHasher : web::PasswordHasher {
  mutable std::atomic<int> verifies{0};
  bool verify(const std::string& encoded, const std::string& password) const override {
    ++verifies;
    return web::PasswordHasher::verify(encoded, password);
  }
};

struct CountedAuthTest : AuthTest {
  std::shared_ptr<CountingHasher> hasher = std::make_shared<CountingHasher>();
  collection::Auth counted{db.store(), {}, [this] { return now; }, hasher};

  int verifies_of(const std::string& email, const std::string& password, const std::string& ip = "ip") {
    int before = hasher->verifies;
    counted.sign_in(email, password, ip);
    return hasher->verifies - before;
  }
};

}  // namespace

TEST_F(CountedAuthTest, EverySignInAttemptVerifiesExactlyOnce) {
  auto bo =
      collection::add_user(db.store(), {"bo@ale.se", "", "respondent", "1440", "", "sv"}, 0);  // invited, no password
  auto cy = collection::add_user(db.store(), {"cy@ale.se", "", "respondent", "1440", "", "sv"}, 0);
  counted.set_password(cy.id, "cy's long password");
  collection::remove_user(db.store(), cy.id, 0);
  EXPECT_EQ(verifies_of("anna@ale.se", "correct horse battery"), 1) << "existing, right password";
  EXPECT_EQ(verifies_of("anna@ale.se", "wrong"), 1) << "existing, wrong password";
  EXPECT_EQ(verifies_of("nobody@ale.se", "wrong"), 1) << "unknown address";
  EXPECT_EQ(verifies_of("bo@ale.se", "wrong"), 1) << "account without a password";
  EXPECT_EQ(verifies_of("cy@ale.se", "cy's long password"), 1) << "removed account";
  EXPECT_EQ(verifies_of("not an address", "wrong"), 1) << "malformed address";
  EXPECT_EQ(verifies_of("anna@ale.se", std::string(5000, 'x')), 1) << "a password too long to hash";
  for (int i = 0; i < 5; ++i) counted.sign_in("anna@ale.se", "wrong", "ip" + std::to_string(i));
  for (int i = 0; i < 5; ++i) counted.sign_in("ghost@ale.se", "wrong", "ip" + std::to_string(i));
  EXPECT_EQ(verifies_of("anna@ale.se", "correct horse battery", "ipx"), 1) << "paused address with an account";
  EXPECT_EQ(verifies_of("ghost@ale.se", "wrong", "ipx"), 1) << "paused address without an account";
}

TEST_F(CountedAuthTest, AThrottledClientCostsNoVerification) {
  for (int i = 0; i < 20; ++i) counted.sign_in("guess" + std::to_string(i) + "@ale.se", "x", "203.0.113.9");
  EXPECT_EQ(verifies_of("anna@ale.se", "correct horse battery", "203.0.113.9"), 0);
}

// The account page's "current password" is a password check like sign-in: a stolen session
// must not be able to guess it quickly.
TEST_F(AuthTest, GuessingTheCurrentPasswordOnTheAccountPageIsThrottled) {
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(auth.check_current_password(anna.id, "guess"), collection::PasswordCheck::Wrong);
  EXPECT_EQ(auth.check_current_password(anna.id, "correct horse battery"), collection::PasswordCheck::Throttled);
  advance(15 * 60 + 1);
  EXPECT_EQ(auth.check_current_password(anna.id, "correct horse battery"), collection::PasswordCheck::Ok);
}

TEST_F(AuthTest, OneClientMayAskForALimitedNumberOfSignInLinks) {
  for (int i = 0; i < 10; ++i) EXPECT_TRUE(auth.allow_link_request("203.0.113.9"));
  EXPECT_FALSE(auth.allow_link_request("203.0.113.9"));
  EXPECT_TRUE(auth.allow_link_request("198.51.100.1")) << "another client is not affected";
  advance(15 * 60 + 1);
  EXPECT_TRUE(auth.allow_link_request("203.0.113.9"));
}

// Hashes written by libargon2, which Digipuls used before libsodium, keep verifying.
TEST(PasswordHashes, AHashWrittenByLibargon2StillVerifies) {
  const std::string stored =
      "$argon2id$v=19$m=19456,t=2,p=1$AxQlNkdYaXqLnK2+z+DxAg$Sys9xB5xeSVtjfmmwdTf7jzAZCDHCI167YLmwjULJTg";
  EXPECT_TRUE(web::verify_password(stored, "correct horse battery"));
  EXPECT_FALSE(web::verify_password(stored, "correct horse batterz"));
  const std::string other_params =
      "$argon2id$v=19$m=65536,t=3,p=4$AxQlNkdYaXqLnK2+z+DxAg$dyWWeFClD56h31BAXvvA8lYOA7bOyFueM9oOEKkGmtY";
  EXPECT_TRUE(web::verify_password(other_params, "correct horse battery"));
}

TEST(PasswordHashes, NewHashesUseArgon2idWithTheOwaspParameters) {
  auto h = web::hash_password("a long enough password");
  EXPECT_EQ(h.rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0u) << h;
  EXPECT_TRUE(web::verify_password(h, "a long enough password"));
  EXPECT_FALSE(web::verify_password(h, "a long enough passwore"));
  EXPECT_FALSE(web::verify_password("$argon2i$v=19$m=19456,t=2,p=1$x$y", "x")) << "only argon2id is accepted";
  EXPECT_FALSE(web::verify_password("", ""));
}
