package org.insigne.web.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface AccountEmailRepository extends JpaRepository<AccountEmail, UUID> {

    List<AccountEmail> findByUserIdOrderByCreatedAtAsc(UUID userId);

    Optional<AccountEmail> findByIdAndUserId(UUID id, UUID userId);

    boolean existsByUserIdAndEmail(UUID userId, String email);

    boolean existsByEmailAndConfirmedAtIsNotNull(String email);

    long countByUserId(UUID userId);
}
