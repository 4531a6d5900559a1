package org.insigne.issuer.badgeclass;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface BadgeClassImageRepository extends JpaRepository<BadgeClassImage, UUID> {
}
