package io.ringside.bootstrap.people;

import io.ringside.application.port.out.AuditLog;
import io.ringside.application.port.out.ClaimStore;
import io.ringside.application.port.out.ClusterSignals;
import io.ringside.application.port.out.CommonPasswords;
import io.ringside.application.port.out.ExtensionDirectory;
import io.ringside.application.port.out.PasswordHasher;
import io.ringside.application.port.out.UserAccounts;
import io.ringside.application.port.out.UserSessions;
import io.ringside.application.service.AuditRetention;
import io.ringside.application.service.AuditTrailService;
import io.ringside.application.service.Auditor;
import io.ringside.application.service.AuthenticatedRingCentral;
import io.ringside.application.service.CallerClaims;
import io.ringside.application.service.CompanyExtensions;
import io.ringside.application.service.FirstAccounts;
import io.ringside.application.service.Logins;
import io.ringside.application.service.PasswordChanges;
import io.ringside.application.service.PasswordRules;
import io.ringside.application.service.TemporaryPasswords;
import io.ringside.application.service.UserAdministration;
import io.ringside.bootstrap.config.RingsideProperties;
import io.ringside.bootstrap.mode.DemoMode;
import io.ringside.bootstrap.security.passwords.ShippedCommonPasswords;
import io.ringside.bootstrap.security.passwords.SpringPasswordHasher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * The people who use Ringside: their accounts and logins, passwords, the audit trail, claims on callers,
 * and the first users at start-up. The services know no Spring; this builds them from the ports.
 */
@Configuration(proxyBeanMethods = false)
public class PeopleConfiguration {

    @Bean
    Auditor auditor(AuditLog auditLog, Clock clock) {
        return new Auditor(auditLog, clock);
    }

    @Bean
    PasswordHasher passwordHasher() {
        return new SpringPasswordHasher();
    }

    @Bean
    CommonPasswords commonPasswords() {
        return new ShippedCommonPasswords();
    }

    @Bean
    UserAdministration userAdministration(UserAccounts users, PasswordHasher hasher, UserSessions sessions, Auditor auditor,
                                          SecureRandom random, Clock clock) {
        return new UserAdministration(users, hasher, sessions, auditor, new TemporaryPasswords(random), clock);
    }

    @Bean
    Logins logins(UserAccounts users, PasswordHasher hasher, Auditor auditor, Clock clock) {
        return new Logins(users, hasher, auditor, clock);
    }

    @Bean
    PasswordChanges passwordChanges(UserAccounts users, PasswordHasher hasher, CommonPasswords commonPasswords, Auditor auditor) {
        return new PasswordChanges(users, hasher, new PasswordRules(commonPasswords), auditor);
    }

    @Bean
    FirstAccounts firstAccounts(UserAccounts users, PasswordHasher hasher, Auditor auditor) {
        return new FirstAccounts(users, hasher, auditor);
    }

    @Bean
    FirstUsersAtStartUp firstUsersAtStartUp(FirstAccounts accounts, DemoMode demoMode, RingsideProperties settings) {
        return new FirstUsersAtStartUp(accounts, demoMode, settings);
    }

    @Bean
    CompanyExtensions companyExtensions(AuthenticatedRingCentral ringCentral, ExtensionDirectory directory, Clock clock) {
        return new CompanyExtensions(ringCentral, directory, clock);
    }

    @Bean
    AuditTrailService auditTrail(AuditLog auditLog) {
        return new AuditTrailService(auditLog);
    }

    @Bean
    AuditRetention auditRetention(AuditLog auditLog, Auditor auditor, RingsideProperties settings, Clock clock) {
        return new AuditRetention(auditLog, auditor, clock, settings.auditRetention());
    }

    @Bean
    CallerClaims callerClaims(ClaimStore store, ClusterSignals signals, Clock clock) {
        return new CallerClaims(store, signals, clock);
    }
}
