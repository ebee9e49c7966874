package org.sipas.identity;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts: creation with a one-time password, password changes, enabling and disabling.
 * Every change is in the audit log (never a password or its hash).
 */
@Service
public class StaffAccounts implements UserDetailsService {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final PasswordRule rule;

    StaffAccounts(UserRepository users, PasswordEncoder passwords, AuditLog audit, PasswordRule rule) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.rule = rule;
    }

    @Override
    public StaffUser loadUserByUsername(String username) {
        return users.findForLogin(username).orElseThrow(() -> new UsernameNotFoundException(username));
    }

    /** An enabled staff account's roles and unit scope, as it would be when signed in: for assigning work to someone. */
    public Optional<CurrentUser> account(String username) {
        return users.findForLogin(username).filter(StaffUser::isEnabled).map(StaffUser::currentUser);
    }

    /** An enabled account someone may hand work to: who, under which name, within which unit's subtree. */
    public record StaffMember(String username, String displayName, long scopeUnitId) {
    }

    /** The enabled accounts holding {@code role}, by display name: e.g. the interviewers a supervisor may assign cases to. */
    public List<StaffMember> enabledWith(Role role) {
        return users.enabledWith(role);
    }

    boolean any() {
        return users.count() > 0;
    }

    List<UserRepository.UserRow> all() {
        return users.all();
    }

    UserRepository.UserRow find(long id) {
        return users.find(id).orElseThrow(() -> new IllegalArgumentException("No user " + id));
    }

    /**
     * Creates an account. With no password given, a random one-time password is made, returned
     * once, and must be changed at first login; a given password must pass {@link PasswordRule}.
     *
     * @return the password the new user logs in with first
     */
    @Transactional
    public String create(String username, String displayName, long unitId, Set<Role> roles, String password) {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("A user needs at least one role");
        }
        boolean oneTime = password == null || password.isBlank();
        String first = oneTime ? oneTimePassword() : password;
        if (!oneTime) {
            rule.check(first, username, displayName).ifPresent(refusal -> {
                throw new IllegalArgumentException(refusal);
            });
        }
        long id;
        try {
            id = users.create(username.strip(), displayName.strip(), passwords.encode(first), unitId, roles, oneTime);
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("user.exists");
        }
        audit.record("user.create", "app_user", Long.toString(id), null,
                Map.of("username", username, "displayName", displayName, "unitId", unitId, "roles", roles), null);
        return first;
    }

    /** Changes a user's own password after checking the current one; the new one must pass {@link PasswordRule}. */
    @Transactional
    public void changeOwnPassword(String username, String current, String replacement) {
        StaffUser user = loadUserByUsername(username);
        if (!passwords.matches(current, user.getPassword())) {
            throw new IllegalArgumentException("password.currentWrong");
        }
        if (replacement.equals(current)) {
            throw new IllegalArgumentException("password.same");
        }
        rule.check(replacement, username, find(user.id()).displayName()).ifPresent(refusal -> {
            throw new IllegalArgumentException(refusal);
        });
        users.setPassword(user.id(), passwords.encode(replacement), false);
        audit.record("user.password.change", "app_user", Long.toString(user.id()), null, null, null);
    }

    /** Gives a user a new one-time password (forgotten password); returns it to show once. */
    @Transactional
    public String resetPassword(long id) {
        String oneTime = oneTimePassword();
        users.setPassword(id, passwords.encode(oneTime), true);
        audit.record("user.password.reset", "app_user", Long.toString(id), null, null, null);
        return oneTime;
    }

    @Transactional
    public void setEnabled(long id, boolean enabled) {
        UserRepository.UserRow before = find(id);
        users.setEnabled(id, enabled);
        audit.record(enabled ? "user.enable" : "user.disable", "app_user", Long.toString(id),
                Map.of("enabled", before.enabled()), Map.of("enabled", enabled), null);
    }

    void recordLogin(String username) {
        users.recordLogin(username);
    }

    static String oneTimePassword() {
        StringBuilder s = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
