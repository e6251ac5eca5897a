"""What the console sees of staff accounts, API clients, roles and catalogues: functions from
rows to schemas, no routing in them. Phones are masked; the clear value is a recorded reveal."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.ext.asyncio import AsyncSession

from services.identity import api_keys, staff
from services.identity.models import ApiClient, Role, ServiceCatalogue, StaffUser
from services.identity.schemas import (
    ApiClientOut,
    CatalogueOut,
    GrantOut,
    PermissionMeaning,
    RoleOut,
    StaffOut,
)
from services.kit.permissions import Catalogue
from services.kit.personal import PersonalDataCipher, mask_phone


async def staff_out(session: AsyncSession, user: StaffUser, cipher: PersonalDataCipher) -> StaffOut:
    grants = await staff.active_grants(session, user.id)
    return StaffOut(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        organisation_id=user.organisation_id,
        phone=mask_phone(cipher.decrypt(user.phone_cipher)) if user.phone_cipher else None,
        on_duty=user.on_duty,
        disabled=user.disabled_at is not None,
        grants=[GrantOut.model_validate(g) for g in grants],
    )


async def client_out(session: AsyncSession, client: ApiClient) -> ApiClientOut:
    places = await api_keys.client_places(session, client.id)
    return ApiClientOut(
        id=client.id,
        name=client.name,
        kind=client.kind,
        organisation_id=client.organisation_id,
        key_prefix=client.key_prefix,
        scopes=client.scopes,
        places=[{"place_id": str(p.place_id), "name": p.name} for p in places],
        created_at=client.created_at,
        revoked_at=client.revoked_at,
        last_used_at=client.last_used_at,
    )


def meaning(name: str, known: Mapping[str, Catalogue]) -> PermissionMeaning:
    """What a permission means, from the catalogue that declares it; a name no catalogue
    declares (any more) is shown as itself, `declared` false."""
    for service, catalogue in known.items():
        found = catalogue.get(name)
        if found is not None:
            return PermissionMeaning(
                name=name, service=service, zh=found.zh, en=found.en, holders=list(found.holders)
            )
    return PermissionMeaning(
        name=name, service=name.split(":")[0], zh=name, en=name, holders=[], declared=False
    )


def role_out(role: Role, known: Mapping[str, Catalogue]) -> RoleOut:
    return RoleOut(
        name=role.name,
        title_zh=role.title_zh,
        title_en=role.title_en,
        place_kinds=role.place_kinds,
        permissions=role.permissions,
        meanings=[meaning(p, known) for p in role.permissions],
    )


def catalogue_out(row: ServiceCatalogue) -> CatalogueOut:
    catalogue = Catalogue.model_validate(row.catalogue)
    return CatalogueOut(
        service=row.service,
        learned_at=row.learned_at,
        permissions=[meaning(p.name, {row.service: catalogue}) for p in catalogue.permissions],
    )
