package org.insigne.web.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UserAccountRepository extends JpaRepository<UserAccount, UUID> {

    Optional<UserAccount> findByEmail(String email);

    boolean existsByEmail(String email);

    /** The account whose login address or an added address is {@code email}, confirmed. */
    @Query("""
            select u from UserAccount u where (u.email = :email and u.emailConfirmedAt is not null)
            or u.id in (select e.userId from AccountEmail e where e.email = :email and e.confirmedAt is not null)""")
    List<UserAccount> findByConfirmedAddress(@Param("email") String email);
}
