/**
 * Generated from openapi.json by `make api-types` (openapi-typescript): do not edit.
 * Use it through ../types.ts (components['schemas'][...]).
 */

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: operations["healthz_healthz_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The database answers */
        get: operations["readyz_readyz_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API clients acting within your places */
        get: operations["list_api_clients_v1_api_clients_get"];
        put?: never;
        /**
         * Issue an API key (shown once)
         * @description Holders of identity:clients:manage over the places; or, for a device key, holders of a service's device-management permission over them, limited to the device-only permissions it issues (its catalogue's `issues`).
         */
        post: operations["issue_api_client_v1_api_clients_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-clients/{client_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key (the gateway stops it within 30 s) */
        delete: operations["revoke_api_client_v1_api_clients__client_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Administrative acts within your places */
        get: operations["list_admin_events_v1_audit_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/api-key-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange an API key for a short-lived token (the gateway does this) */
        post: operations["api_key_token_v1_auth_api_key_token_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Staff sign in with username and password
         * @description Wrong passwords slow the address they come from (429 with Retry-After), never the owner's; the answer tells the owner how many were given since the last sign-in.
         */
        post: operations["login_v1_auth_login_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this session everywhere it was refreshed */
        post: operations["logout_v1_auth_logout_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/otp/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Text a one-time code to a mobile */
        post: operations["send_otp_v1_auth_otp_send_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/otp/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resident sign-in with the code (first time: sign-up) */
        post: operations["verify_otp_v1_auth_otp_verify_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Swap a refresh token for new tokens (rotation) */
        post: operations["refresh_v1_auth_refresh_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/wechat/authorize-url": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where to send a resident inside WeChat */
        get: operations["wechat_authorize_url_v1_auth_wechat_authorize_url_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/wechat/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Silent sign-in with WeChat's code (snsapi_base) */
        post: operations["wechat_login_v1_auth_wechat_login_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/catalogues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every service's permissions as identity last learned them
         * @description Public, like each service's GET /v1/permissions: it says what exists, nothing about anyone. The console's role and API-key pages choose from it.
         */
        get: operations["list_catalogues_v1_catalogues_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take an event another service's outbox sends (once per event id) */
        post: operations["take_event_v1_events_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/household-claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Claims in my communities, oldest first (default: those waiting) */
        get: operations["list_claims_v1_household_claims_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/household-claims/{claim_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A claim with its document (a signed, expiring link) */
        get: operations["get_claim_v1_household_claims__claim_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/household-claims/{claim_id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify a waiting claim: the resident lives there */
        post: operations["approve_claim_v1_household_claims__claim_id__approve_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/household-claims/{claim_id}/refuse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refuse a waiting claim with a reason the resident sees */
        post: operations["refuse_claim_v1_household_claims__claim_id__refuse_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/household-claims/{claim_id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a verification (moved out), with a reason; other services are told */
        post: operations["withdraw_claim_v1_household_claims__claim_id__withdraw_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/households/verified-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many verified households are under a place (a vote's quorum) */
        get: operations["verified_households_v1_households_verified_count_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/households/{household_id}/members/{resident_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Is the resident a verified member of the household, and at which unit door
         * @description `verified` is the yes or no; a resident who never joined is `member: false`. A household outside the client's places is a 404, as an unknown one.
         */
        get: operations["household_membership_v1_households__household_id__members__resident_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/households/{household_id}/members/{resident_id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Community staff confirm a resident lives there (by home and resident) */
        post: operations["verify_member_v1_households__household_id__members__resident_id__verify_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public keys that verify our access tokens */
        get: operations["jwks_v1_jwks_json_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the token belongs to */
        get: operations["me_v1_me_get"];
        put?: never;
        post?: never;
        /**
         * Delete my account (a resident's own; erased, sessions ended, services told)
         * @description Erases the phone, name, WeChat link, household memberships, children and sign-in codes; keeps the id and the audit list's rows. Ends every session and publishes `resident.deleted` to the services that keep a resident's records. A second call is a 410 `account_deleted` (or a 401 once the ended session is refused).
         */
        delete: operations["delete_me_v1_me_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/dependants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The children in my care */
        get: operations["my_dependants_v1_me_dependants_get"];
        put?: never;
        /** Add a child in my care (with consent) */
        post: operations["add_dependant_v1_me_dependants_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/dependants/{dependant_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a child from my care */
        delete: operations["remove_dependant_v1_me_dependants__dependant_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/household-invites/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Join a home with an invite code (verified at once: a verified member vouched) */
        post: operations["accept_invite_v1_me_household_invites_accept_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/households": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My homes: each claim's status, and why if refused */
        get: operations["my_households_v1_me_households_get"];
        put?: never;
        /** Claim my home at the scanned door */
        post: operations["claim_household_v1_me_households_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/households/{household_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Leave a home (or take back my waiting claim) */
        delete: operations["leave_household_v1_me_households__household_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/households/{household_id}/invites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Invite another adult to my verified home: a one-time code, valid 7 days */
        post: operations["invite_to_household_v1_me_households__household_id__invites_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The messages services sent me, newest first */
        get: operations["my_messages_v1_me_messages_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/media": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a photo of a document for my household claim; name its id there
         * @description multipart/form-data with the field `file`: a JPEG, PNG, WebP or HEIC photo up to 10 MB, checked by its content, re-encoded as JPEG without EXIF/GPS, with a thumbnail. Seen only by me and the community staff verifying my claim.
         */
        post: operations["upload_v1_media_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/media/{media_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The photo or video behind a signed link */
        get: operations["original_v1_media__media_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/media/{media_id}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A photo's thumbnail (JPEG, at most 480 px) behind a signed link */
        get: operations["thumbnail_v1_media__media_id__thumbnail_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/on-duty": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Message the on-duty staff of a role over a place */
        post: operations["notify_on_duty_v1_notifications_on_duty_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Organisations (public names, for pickers) */
        get: operations["list_organisations_v1_organisations_get"];
        put?: never;
        /** Register a contractor, property company or partner */
        post: operations["create_organisation_v1_organisations_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organisations/{organisation_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One enabled organisation (public name and kind, as in the list) */
        get: operations["get_organisation_v1_organisations__organisation_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organisations/{organisation_id}/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where an enabled organisation holds a permission (its keys' and staff's places)
         * @description E.g. `permission=intake:workorders:work`: the places where the organisation's active API clients or its enabled staff's active grants may take work orders. Intake asks before offering an order at a place.
         */
        get: operations["get_coverage_v1_organisations__organisation_id__coverage_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This service's permissions and their default bindings to standard roles */
        get: operations["get_permissions_v1_permissions_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/residents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Keep a record for a resident without a smartphone, at their home (recorded)
         * @description The record is a verified member of the household at the unit door and room; a family member's phone is kept as a contact only (never a sign-in). Staff then act for the resident with `POST /v1/tokens/act-for`.
         */
        post: operations["create_record_v1_residents_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/residents/find-by-phone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Find a resident by the phone they gave (staff adding a team member)
         * @description The phone goes in the body, never the URL. Limited per searcher per hour (429 `resident_search_limited`); every search, found or not, is in the audit list as `resident.found_by_phone` without the number. Never open to residents.
         */
        post: operations["find_resident_v1_residents_find_by_phone_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/residents/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Find residents of my communities by name or a phone typed in full (recorded)
         * @description Only residents with a home under the caller's places; phones masked. The query travels in the body, never in the URL.
         */
        post: operations["search_residents_v1_residents_search_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/residents/{guardian_id}/dependants/{dependant_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A child's birth year, for the guardian a service names (404 if not their child) */
        get: operations["dependant_birth_year_v1_residents__guardian_id__dependants__dependant_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/residents/{resident_id}/households": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A resident's households at the client's places (ids, unit doors, verified)
         * @description No room numbers: with the unit door a room is an address. The resident sees their own at `GET /v1/me/households`.
         */
        get: operations["resident_households_v1_residents__resident_id__households_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/residents/{resident_id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Message a resident by id (texted to the phone identity holds; recorded)
         * @description A resident with no phone on record gets nothing: 200 with `delivered: false` and `undelivered_reason: no_contact`, so a job does not retry what cannot arrive.
         */
        post: operations["message_a_resident_v1_residents__resident_id__messages_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/residents/{resident_id}/phone/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Show a resident's phone to staff of their community (recorded) */
        post: operations["reveal_resident_phone_v1_residents__resident_id__phone_reveal_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/revocations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ended sessions whose access tokens every service refuses
         * @description Signed out, account disabled or password reset: the `sid` of each such session while its access tokens may be unexpired; a deleted account as a digest of its subject, refusing every token naming it. Verifiers poll it every few seconds; send the ETag back in If-None-Match for a 304.
         */
        get: operations["revocations_v1_revocations_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Roles, the permissions they give and what each means */
        get: operations["list_roles_v1_roles_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/roles/{role_name}/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a permission to a role (district admins; recorded) */
        post: operations["add_role_permission_v1_roles__role_name__permissions_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/roles/{role_name}/permissions/{permission}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Take a permission away from a role (district admins; recorded) */
        delete: operations["remove_role_permission_v1_roles__role_name__permissions__permission__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Staff holding roles within your places */
        get: operations["list_staff_v1_staff_get"];
        put?: never;
        /** Create a staff account */
        post: operations["create_staff_v1_staff_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One staff account */
        get: operations["get_staff_v1_staff__user_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Disable, enable, set on duty, rename */
        patch: operations["change_staff_v1_staff__user_id__patch"];
        trace?: never;
    };
    "/v1/staff/{user_id}/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Grant a role on a place */
        post: operations["grant_role_v1_staff__user_id__grants_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/{user_id}/grants/{grant_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw a role */
        delete: operations["withdraw_grant_v1_staff__user_id__grants__grant_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/{user_id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reset a password */
        post: operations["reset_password_v1_staff__user_id__password_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/{user_id}/phone/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Show a staff member's phone (recorded) */
        post: operations["reveal_staff_phone_v1_staff__user_id__phone_reveal_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/todo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What needs doing, for you: counts with a label and a console link */
        get: operations["todo_v1_todo_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tokens/act-for": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Staff act for a resident: a short-lived token naming both, with the reason
         * @description RFC 8693 style: sub is the resident, act names the staff member; recorded.
         */
        post: operations["act_for_v1_tokens_act_for_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** ActForIn */
        ActForIn: {
            /**
             * Reason
             * @description Required
             * @example 代老人报修：电话来电，楼道灯不亮
             */
            reason?: string | null;
            /**
             * Resident Id
             * Format: uuid
             */
            resident_id: string;
        };
        /** AdminEventOut */
        AdminEventOut: {
            /** Action */
            action: string;
            /** Actor */
            actor: string;
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Detail */
            detail: {
                [key: string]: unknown;
            };
            /** Target Id */
            target_id: string;
            /** Target Kind */
            target_kind: string;
        };
        /** ApiClientCreated */
        ApiClientCreated: {
            /**
             * Api Key
             * @description Shown once: store it now
             */
            api_key: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Key Prefix */
            key_prefix: string;
            /** Kind */
            kind: string;
            /** Last Used At */
            last_used_at: string | null;
            /** Name */
            name: string;
            /** Organisation Id */
            organisation_id: string | null;
            /** Places */
            places: {
                [key: string]: string;
            }[];
            /** Revoked At */
            revoked_at: string | null;
            /** Scopes */
            scopes: string[];
        };
        /** ApiClientIn */
        ApiClientIn: {
            /**
             * Kind
             * @default integration
             * @enum {string}
             */
            kind: "integration" | "device";
            /** Name */
            name: string;
            /** Organisation Id */
            organisation_id?: string | null;
            /** Place Ids */
            place_ids: string[];
            /** Scopes */
            scopes: string[];
        };
        /** ApiClientOut */
        ApiClientOut: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Key Prefix */
            key_prefix: string;
            /** Kind */
            kind: string;
            /** Last Used At */
            last_used_at: string | null;
            /** Name */
            name: string;
            /** Organisation Id */
            organisation_id: string | null;
            /** Places */
            places: {
                [key: string]: string;
            }[];
            /** Revoked At */
            revoked_at: string | null;
            /** Scopes */
            scopes: string[];
        };
        /**
         * AssistedResidentIn
         * @description A record community staff keep for a resident without a smartphone, at their home.
         */
        AssistedResidentIn: {
            /**
             * Contact Phone
             * @description A family member's phone to reach them: a contact only, never a sign-in
             * @example 13812345678
             */
            contact_phone?: string | null;
            /**
             * Name
             * @example 王秀英
             */
            name: string;
            /**
             * Relation
             * @default owner
             * @enum {string}
             */
            relation: "owner" | "tenant" | "family";
            /** Room No */
            room_no: string;
            /**
             * Unit Place Id
             * Format: uuid
             */
            unit_place_id: string;
        };
        /**
         * Catalogue
         * @description What `GET /v1/permissions` answers, and what identity stores per service.
         */
        Catalogue: {
            /** Bindings */
            bindings?: {
                [key: string]: string[];
            };
            /** Demo Clients */
            demo_clients?: {
                [key: string]: string[];
            };
            /** Permissions */
            permissions: components["schemas"]["Permission"][];
            /** Service */
            service: string;
        };
        /**
         * CatalogueOut
         * @description What identity last learned from one service.
         */
        CatalogueOut: {
            /**
             * Learned At
             * Format: date-time
             */
            learned_at: string;
            /** Permissions */
            permissions: components["schemas"]["PermissionMeaning"][];
            /** Service */
            service: string;
        };
        /**
         * ClaimOut
         * @description A claim as staff verifying it see it: the resident's phone masked, no children.
         */
        ClaimOut: {
            /**
             * Claimed At
             * Format: date-time
             */
            claimed_at: string;
            /** Decided At */
            decided_at?: string | null;
            /**
             * Document Purged
             * @description Detail only: deleted by retention
             * @default false
             */
            document_purged: boolean;
            /** Document Thumbnail Url */
            document_thumbnail_url?: string | null;
            /**
             * Document Url
             * @description Signed, expiring; detail only
             */
            document_url?: string | null;
            /** Has Document */
            has_document: boolean;
            /**
             * Household Id
             * Format: uuid
             */
            household_id: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Reason */
            reason?: string | null;
            /** Relation */
            relation: string;
            /**
             * Resident Id
             * Format: uuid
             */
            resident_id: string;
            /**
             * Resident Phone
             * @description Masked; none for a record staff keep without a phone
             */
            resident_phone: string | null;
            /** Room No */
            room_no: string;
            /**
             * Status
             * @enum {string}
             */
            status: "pending" | "verified" | "refused" | "left" | "withdrawn";
            /** Unit Code */
            unit_code: string;
            /**
             * Unit Place Id
             * Format: uuid
             */
            unit_place_id: string;
            /**
             * Via
             * @enum {string}
             */
            via: "claim" | "invite";
        };
        /** ClaimPage */
        ClaimPage: {
            /** Items */
            items: components["schemas"]["ClaimOut"][];
            /** Total */
            total: number;
        };
        /** ClaimReasonIn */
        ClaimReasonIn: {
            /** Reason */
            reason?: string | null;
        };
        /** CoveredPlaceOut */
        CoveredPlaceOut: {
            /** Name */
            name: string;
            /** Path */
            path: string;
            /**
             * Place Id
             * Format: uuid
             */
            place_id: string;
        };
        /** DependantBirthYearOut */
        DependantBirthYearOut: {
            /** Birth Year */
            birth_year: number;
            /**
             * Dependant Id
             * Format: uuid
             */
            dependant_id: string;
            /**
             * Guardian Id
             * Format: uuid
             */
            guardian_id: string;
        };
        /** DependantIn */
        DependantIn: {
            /** Birth Year */
            birth_year: number;
            /**
             * Consent
             * @description The guardian agrees to keeping these (required)
             * @default false
             */
            consent: boolean;
            /** Name */
            name: string;
        };
        /** DependantOut */
        DependantOut: {
            /** Birth Year */
            birth_year: number;
            /** Consented At */
            consented_at?: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
        };
        /**
         * EventIn
         * @description An event as it travels: the outbox's id (the de-duplication key) and what it says.
         */
        EventIn: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Key */
            key: string;
            /** Payload */
            payload: {
                [key: string]: unknown;
            };
            /** Source */
            source: string;
            /** Topic */
            topic: string;
        };
        /** EventReceipt */
        EventReceipt: {
            /**
             * Duplicate
             * @description Received before: nothing was done this time
             */
            duplicate: boolean;
            /**
             * Id
             * Format: uuid
             */
            id: string;
        };
        /**
         * FailedAttemptsOut
         * @description Wrong passwords given for the account since its last sign-in (from anywhere).
         */
        FailedAttemptsOut: {
            /** Count */
            count: number;
            /** Last At */
            last_at: string | null;
        };
        /**
         * FieldError
         * @description One invalid input: where (a JSON pointer into the request) and why.
         */
        FieldError: {
            /**
             * Code
             * @default invalid
             */
            code: string;
            /** Detail */
            detail: string;
            /** Pointer */
            pointer: string;
        };
        /** FoundResidentOut */
        FoundResidentOut: {
            /**
             * Phone
             * @description Masked (138****1234): the caller typed the number
             */
            phone: string;
            /**
             * Resident Id
             * Format: uuid
             */
            resident_id: string;
        };
        /** GrantIn */
        GrantIn: {
            /**
             * Place Id
             * Format: uuid
             */
            place_id: string;
            /** Role */
            role: string;
        };
        /** GrantOut */
        GrantOut: {
            /**
             * Granted At
             * Format: date-time
             */
            granted_at: string;
            /** Granted By */
            granted_by: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Place Id
             * Format: uuid
             */
            place_id: string;
            /** Place Name */
            place_name: string;
            /** Place Path */
            place_path: string;
            /** Role */
            role: string;
        };
        /**
         * HouseholdIn
         * @description A claim at the door whose code the resident scanned: the code's `token` (a unit door's
         *     code, or a building's with `unit_place_id` naming one of its doors), or the scanned unit
         *     door's `unit_place_id` alone.
         */
        HouseholdIn: {
            /** Document Id */
            document_id?: string | null;
            /** Document Upload Key */
            document_upload_key?: string | null;
            /**
             * Relation
             * @default owner
             * @enum {string}
             */
            relation: "owner" | "tenant" | "family";
            /** Room No */
            room_no: string;
            /** Token */
            token?: string | null;
            /** Unit Place Id */
            unit_place_id?: string | null;
        };
        /** HouseholdMembershipOut */
        HouseholdMembershipOut: {
            /**
             * Household Id
             * Format: uuid
             */
            household_id: string;
            /**
             * Member
             * @description The resident has joined (or asked to join) the household
             */
            member: boolean;
            /**
             * Resident Id
             * Format: uuid
             */
            resident_id: string;
            /**
             * Unit Code
             * @description The unit door's public code, e.g. HCXL-01-1
             */
            unit_code: string;
            /**
             * Unit Place Id
             * Format: uuid
             * @description The household's unit door (a place)
             */
            unit_place_id: string;
            /**
             * Verified
             * @description Community staff have verified them as its member
             */
            verified: boolean;
        };
        /** HouseholdOut */
        HouseholdOut: {
            /**
             * Claim Id
             * Format: uuid
             */
            claim_id: string;
            /**
             * Claimed At
             * Format: date-time
             */
            claimed_at: string;
            /**
             * Document Purged
             * @description Deleted by retention after the decision
             * @default false
             */
            document_purged: boolean;
            /** Document Url */
            document_url?: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Member Verified
             * @description I am a verified member
             */
            member_verified: boolean;
            /**
             * Reason
             * @description Why staff refused or withdrew it
             */
            reason?: string | null;
            /** Relation */
            relation: string;
            /** Room No */
            room_no: string;
            /**
             * Status
             * @enum {string}
             */
            status: "pending" | "verified" | "refused" | "left" | "withdrawn";
            /** Unit Code */
            unit_code: string;
            /**
             * Unit Place Id
             * Format: uuid
             */
            unit_place_id: string;
            /**
             * Verified
             * @description The home has a verified member
             */
            verified: boolean;
            /**
             * Via
             * @enum {string}
             */
            via: "claim" | "invite";
        };
        /** InviteAcceptIn */
        InviteAcceptIn: {
            /** Code */
            code: string;
            /**
             * Relation
             * @default family
             * @enum {string}
             */
            relation: "owner" | "tenant" | "family";
        };
        /** InviteOut */
        InviteOut: {
            /**
             * Code
             * @description One-time, 8 characters; give it to the invitee
             */
            code: string;
            /**
             * Expires At
             * Format: date-time
             */
            expires_at: string;
        };
        /**
         * Label
         * @description The item's words in both languages the console speaks.
         */
        Label: {
            /**
             * En
             * @example To acknowledge
             */
            en: string;
            /**
             * Zh-Cn
             * @example 待受理
             */
            "zh-CN": string;
        };
        /** LoginIn */
        LoginIn: {
            /** Password */
            password: string;
            /** Username */
            username: string;
        };
        /** MeOut */
        MeOut: {
            /**
             * Grants
             * @default []
             */
            grants: {
                [key: string]: unknown;
            }[];
            /** Kind */
            kind: string;
            /** Name */
            name?: string | null;
            /**
             * Phone
             * @description Masked
             */
            phone?: string | null;
            /** Subject */
            subject: string;
        };
        /**
         * MediaOut
         * @description An upload as the API shows it, with its signed links.
         */
        MediaOut: {
            /** Byte Size */
            byte_size: number;
            /**
             * Content Type
             * @example image/jpeg
             */
            content_type: string;
            /**
             * Expires At
             * Format: date-time
             */
            expires_at: string;
            /** Height */
            height: number | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "image" | "video";
            /**
             * Thumbnail Url
             * @description A JPEG at most 480 px; none for videos
             */
            thumbnail_url: string | null;
            /**
             * Upload Key
             * @description Only the uploader gets it: a record attaches this upload only when the request names this key with its id (or comes from the same signed-in uploader)
             */
            upload_key: string;
            /**
             * Url
             * @description Signed and expiring; works without a bearer token
             */
            url: string;
            /** Width */
            width: number | null;
        };
        /**
         * MyMessageOut
         * @description A message a service sent me (sign-in codes are never listed).
         */
        MyMessageOut: {
            /** Channel */
            channel: string;
            /** Delivered */
            delivered: boolean;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Sent At
             * Format: date-time
             */
            sent_at: string;
            /** Template */
            template: string;
            /** Text */
            text: string;
        };
        /** NotifyIn */
        NotifyIn: {
            /** Place Path */
            place_path: string;
            /** Role */
            role: string;
            /** Template */
            template: string;
            /** Text */
            text: string;
        };
        /** NotifyOut */
        NotifyOut: {
            /** On Duty */
            on_duty: number;
            /** Sent */
            sent: number;
        };
        /**
         * OrganisationCoverage
         * @description Where an organisation holds a permission (its keys' places and its staff's grants).
         */
        OrganisationCoverage: {
            /**
             * Organisation Id
             * Format: uuid
             */
            organisation_id: string;
            /** Permission */
            permission: string;
            /** Places */
            places: components["schemas"]["CoveredPlaceOut"][];
        };
        /** OrganisationIn */
        OrganisationIn: {
            /**
             * Kind
             * @enum {string}
             */
            kind: "contractor" | "property_company" | "partner";
            /** Name */
            name: string;
        };
        /** OrganisationOut */
        OrganisationOut: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Kind */
            kind: string;
            /** Name */
            name: string;
        };
        /** OtpSendIn */
        OtpSendIn: {
            /**
             * Phone
             * @example 13812345678
             */
            phone: string;
        };
        /** OtpVerifyIn */
        OtpVerifyIn: {
            /** Code */
            code: string;
            /** Phone */
            phone: string;
            /** Wechat Link Ticket */
            wechat_link_ticket?: string | null;
        };
        /** Page[AdminEventOut] */
        Page_AdminEventOut_: {
            /** Items */
            items: components["schemas"]["AdminEventOut"][];
            /** Total */
            total: number;
        };
        /** Page[ApiClientOut] */
        Page_ApiClientOut_: {
            /** Items */
            items: components["schemas"]["ApiClientOut"][];
            /** Total */
            total: number;
        };
        /** Page[MyMessageOut] */
        Page_MyMessageOut_: {
            /** Items */
            items: components["schemas"]["MyMessageOut"][];
            /** Total */
            total: number;
        };
        /** Page[OrganisationOut] */
        Page_OrganisationOut_: {
            /** Items */
            items: components["schemas"]["OrganisationOut"][];
            /** Total */
            total: number;
        };
        /** Page[StaffOut] */
        Page_StaffOut_: {
            /** Items */
            items: components["schemas"]["StaffOut"][];
            /** Total */
            total: number;
        };
        /** PasswordReset */
        PasswordReset: {
            /** Password */
            password: string;
        };
        /** Permission */
        Permission: {
            /** En */
            en: string;
            /**
             * Holders
             * @default [
             *       "staff"
             *     ]
             */
            holders: ("staff" | "integration" | "device")[];
            /**
             * Issues
             * @default []
             */
            issues: string[];
            /** Name */
            name: string;
            /** Zh */
            zh: string;
        };
        /**
         * PermissionMeaning
         * @description A permission as the service that declares it explains it (its stored catalogue).
         */
        PermissionMeaning: {
            /**
             * Declared
             * @default true
             */
            declared: boolean;
            /** En */
            en: string;
            /** Holders */
            holders: string[];
            /** Name */
            name: string;
            /** Service */
            service: string;
            /** Zh */
            zh: string;
        };
        /** PhoneLookupIn */
        PhoneLookupIn: {
            /**
             * Phone
             * @example 13812345678
             */
            phone: string;
        };
        /**
         * Problem
         * @description The body of every 4xx/5xx answer, declared in OpenAPI.
         */
        Problem: {
            /** Code */
            code: string;
            /** Detail */
            detail?: string | null;
            /**
             * Errors
             * @default []
             */
            errors: components["schemas"]["FieldError"][];
            /** Instance */
            instance?: string | null;
            /** Request Id */
            request_id?: string | null;
            /** Status */
            status: number;
            /** Title */
            title: string;
            /** Type */
            type: string;
        };
        /** RefreshIn */
        RefreshIn: {
            /** Refresh Token */
            refresh_token: string;
        };
        /** ResidentHomeOut */
        ResidentHomeOut: {
            /**
             * Household Id
             * Format: uuid
             */
            household_id: string;
            /** Room No */
            room_no: string;
            /** Unit Code */
            unit_code: string;
            /**
             * Unit Place Id
             * Format: uuid
             */
            unit_place_id: string;
        };
        /** ResidentHouseholdOut */
        ResidentHouseholdOut: {
            /**
             * Household Id
             * Format: uuid
             */
            household_id: string;
            /**
             * Relation
             * @enum {string}
             */
            relation: "owner" | "tenant" | "family";
            /** Unit Code */
            unit_code: string;
            /**
             * Unit Place Id
             * Format: uuid
             */
            unit_place_id: string;
            /**
             * Verified
             * @description The resident is a verified member of it
             */
            verified: boolean;
        };
        /** ResidentHouseholdsOut */
        ResidentHouseholdsOut: {
            /**
             * Households
             * @description Those at places the calling client acts on, oldest first
             */
            households: components["schemas"]["ResidentHouseholdOut"][];
            /**
             * Resident Id
             * Format: uuid
             */
            resident_id: string;
        };
        /** ResidentMessageIn */
        ResidentMessageIn: {
            /**
             * Template
             * @example booking_reminder
             */
            template: string;
            /**
             * Text
             * @example 您预约的活动室明天9:00开放。
             */
            text: string;
        };
        /** ResidentMessageOut */
        ResidentMessageOut: {
            /**
             * Channel
             * @description sms, log (development), ...
             */
            channel?: string | null;
            /**
             * Delivered
             * @description The sender took the message for delivery
             */
            delivered: boolean;
            /**
             * Message Id
             * @description The record kept; none if not sent
             */
            message_id?: string | null;
            /**
             * Resident Id
             * Format: uuid
             */
            resident_id: string;
            /**
             * Undelivered Reason
             * @description no_contact: the resident has no phone on record (nothing was sent); refused: the sender did not take it (recorded)
             */
            undelivered_reason?: ("no_contact" | "refused") | null;
        };
        /**
         * ResidentRecordOut
         * @description A resident as the community staff who may act for them see them: the name, phones
         *     masked, their homes within the staff member's places.
         */
        ResidentRecordOut: {
            /**
             * Contact Phone
             * @description A contact's phone, masked
             */
            contact_phone?: string | null;
            /** Homes */
            homes: components["schemas"]["ResidentHomeOut"][];
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Kept By Staff
             * @description A record staff made (no smartphone)
             */
            kept_by_staff: boolean;
            /** Name */
            name: string | null;
            /**
             * Phone
             * @description Their own (sign-in) phone, masked
             */
            phone?: string | null;
        };
        /**
         * ResidentSearchIn
         * @description Find a resident of my communities by the record's name (or part of it) or a phone
         *     typed in full (theirs or their contact's). In the body: no personal data in URLs.
         */
        ResidentSearchIn: {
            /** Name */
            name?: string | null;
            /** Phone */
            phone?: string | null;
        };
        /** RevealIn */
        RevealIn: {
            /**
             * Reason
             * @example calling back about ticket 123
             */
            reason: string;
        };
        /** RevealOut */
        RevealOut: {
            /** Phone */
            phone: string;
        };
        /**
         * RevocationsOut
         * @description Sessions that have ended while their access tokens may still be unexpired.
         */
        RevocationsOut: {
            /**
             * Sessions
             * @description The `sid` claims of the access tokens to refuse (opaque ids)
             */
            sessions: string[];
        };
        /** RoleOut */
        RoleOut: {
            /** Meanings */
            meanings: components["schemas"]["PermissionMeaning"][];
            /** Name */
            name: string;
            /** Permissions */
            permissions: string[];
            /** Place Kinds */
            place_kinds: string[];
            /** Title En */
            title_en: string;
            /** Title Zh */
            title_zh: string;
        };
        /** RolePermissionIn */
        RolePermissionIn: {
            /** Permission */
            permission: string;
        };
        /** StaffChange */
        StaffChange: {
            /** Disabled */
            disabled?: boolean | null;
            /** Display Name */
            display_name?: string | null;
            /** On Duty */
            on_duty?: boolean | null;
        };
        /** StaffCreate */
        StaffCreate: {
            /** Display Name */
            display_name: string;
            /** Organisation Id */
            organisation_id?: string | null;
            /** Password */
            password: string;
            /** Phone */
            phone?: string | null;
            /** Username */
            username: string;
        };
        /** StaffOut */
        StaffOut: {
            /** Disabled */
            disabled: boolean;
            /** Display Name */
            display_name: string;
            /** Grants */
            grants: components["schemas"]["GrantOut"][];
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** On Duty */
            on_duty: boolean;
            /** Organisation Id */
            organisation_id: string | null;
            /**
             * Phone
             * @description Masked: 138****1234
             */
            phone: string | null;
            /** Username */
            username: string;
        };
        /**
         * StaffTokenOut
         * @description A staff sign-in: the tokens, and what the owner should know about failed attempts.
         */
        StaffTokenOut: {
            /** Access Token */
            access_token: string;
            /** Expires In */
            expires_in: number;
            failed_attempts_since_last_sign_in: components["schemas"]["FailedAttemptsOut"];
            /** Refresh Token */
            refresh_token?: string | null;
            /**
             * Token Type
             * @default Bearer
             * @constant
             */
            token_type: "Bearer";
        };
        /** TodoItem */
        TodoItem: {
            /** Count */
            count: number;
            /**
             * Key
             * @example intake.submitted
             */
            key: string;
            label: components["schemas"]["Label"];
            /**
             * Link
             * @example /console/tickets?status=submitted
             */
            link: string;
        };
        /** TodoList */
        TodoList: {
            /** Items */
            items: components["schemas"]["TodoItem"][];
        };
        /** TokenOut */
        TokenOut: {
            /** Access Token */
            access_token: string;
            /** Expires In */
            expires_in: number;
            /** Refresh Token */
            refresh_token?: string | null;
            /**
             * Token Type
             * @default Bearer
             * @constant
             */
            token_type: "Bearer";
        };
        /** VerifiedHouseholdsOut */
        VerifiedHouseholdsOut: {
            /** Place Path */
            place_path: string;
            /**
             * Verified Households
             * @description Households under the place with at least one verified member
             */
            verified_households: number;
        };
        /** WeChatLoginIn */
        WeChatLoginIn: {
            /** Code */
            code: string;
        };
        /** WeChatLoginOut */
        WeChatLoginOut: {
            /**
             * Link Ticket
             * @description Pass to otp/verify to link this WeChat
             */
            link_ticket?: string | null;
            /** Linked */
            linked: boolean;
            tokens?: components["schemas"]["TokenOut"] | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    healthz_healthz_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: string;
                    };
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    readyz_readyz_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    list_api_clients_v1_api_clients_get: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_ApiClientOut_"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    issue_api_client_v1_api_clients_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiClientIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiClientCreated"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    revoke_api_client_v1_api_clients__client_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiClientOut"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    list_admin_events_v1_audit_get: {
        parameters: {
            query?: {
                action?: string | null;
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_AdminEventOut_"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    api_key_token_v1_auth_api_key_token_post: {
        parameters: {
            query?: never;
            header?: {
                "x-api-key"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenOut"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    login_v1_auth_login_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffTokenOut"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    logout_v1_auth_logout_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    send_otp_v1_auth_otp_send_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OtpSendIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: number;
                    };
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    verify_otp_v1_auth_otp_verify_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OtpVerifyIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenOut"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    refresh_v1_auth_refresh_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenOut"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    wechat_authorize_url_v1_auth_wechat_authorize_url_get: {
        parameters: {
            query: {
                redirect_uri: string;
                state?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: string;
                    };
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    wechat_login_v1_auth_wechat_login_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WeChatLoginIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WeChatLoginOut"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    list_catalogues_v1_catalogues_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogueOut"][];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    take_event_v1_events_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EventIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventReceipt"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    list_claims_v1_household_claims_get: {
        parameters: {
            query?: {
                status?: "pending" | "verified" | "refused" | "left" | "withdrawn";
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimPage"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    get_claim_v1_household_claims__claim_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                claim_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimOut"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    approve_claim_v1_household_claims__claim_id__approve_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                claim_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimOut"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    refuse_claim_v1_household_claims__claim_id__refuse_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                claim_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClaimReasonIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimOut"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    withdraw_claim_v1_household_claims__claim_id__withdraw_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                claim_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClaimReasonIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimOut"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    verified_households_v1_households_verified_count_get: {
        parameters: {
            query: {
                place_path: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifiedHouseholdsOut"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    household_membership_v1_households__household_id__members__resident_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                household_id: string;
                resident_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HouseholdMembershipOut"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    verify_member_v1_households__household_id__members__resident_id__verify_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                household_id: string;
                resident_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HouseholdOut"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    jwks_v1_jwks_json_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    me_v1_me_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeOut"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    delete_me_v1_me_delete: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    my_dependants_v1_me_dependants_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DependantOut"][];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    add_dependant_v1_me_dependants_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DependantIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DependantOut"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    remove_dependant_v1_me_dependants__dependant_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dependant_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    accept_invite_v1_me_household_invites_accept_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InviteAcceptIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HouseholdOut"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    my_households_v1_me_households_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HouseholdOut"][];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    claim_household_v1_me_households_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HouseholdIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HouseholdOut"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    leave_household_v1_me_households__household_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                household_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    invite_to_household_v1_me_households__household_id__invites_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                household_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InviteOut"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    my_messages_v1_me_messages_get: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_MyMessageOut_"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    upload_v1_media_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description A photo (JPEG, PNG, WebP, HEIC; up to 10 MB) or a short video (MP4, MOV, WebM; up to 30 MB)
                     */
                    file: string;
                };
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MediaOut"];
                };
            };
            /** @description The file is over the limit (media_too_large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many uploads for now */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    original_v1_media__media_id__get: {
        parameters: {
            query: {
                exp: number;
                sig: string;
            };
            header?: never;
            path: {
                media_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": unknown;
                    "video/mp4": unknown;
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    thumbnail_v1_media__media_id__thumbnail_get: {
        parameters: {
            query: {
                exp: number;
                sig: string;
            };
            header?: never;
            path: {
                media_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": unknown;
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    notify_on_duty_v1_notifications_on_duty_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotifyIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotifyOut"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    list_organisations_v1_organisations_get: {
        parameters: {
            query?: {
                kind?: string | null;
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_OrganisationOut_"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    create_organisation_v1_organisations_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrganisationIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationOut"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    get_organisation_v1_organisations__organisation_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organisation_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationOut"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    get_coverage_v1_organisations__organisation_id__coverage_get: {
        parameters: {
            query: {
                permission: string;
            };
            header?: never;
            path: {
                organisation_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationCoverage"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    get_permissions_v1_permissions_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Catalogue"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    create_record_v1_residents_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssistedResidentIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResidentRecordOut"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    find_resident_v1_residents_find_by_phone_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PhoneLookupIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FoundResidentOut"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    search_residents_v1_residents_search_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResidentSearchIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResidentRecordOut"][];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    dependant_birth_year_v1_residents__guardian_id__dependants__dependant_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                guardian_id: string;
                dependant_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DependantBirthYearOut"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    resident_households_v1_residents__resident_id__households_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                resident_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResidentHouseholdsOut"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    message_a_resident_v1_residents__resident_id__messages_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                resident_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResidentMessageIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResidentMessageOut"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    reveal_resident_phone_v1_residents__resident_id__phone_reveal_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                resident_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevealIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevealOut"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    revocations_v1_revocations_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevocationsOut"];
                };
            };
            /** @description Not modified: the list held is current */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    list_roles_v1_roles_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoleOut"][];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    add_role_permission_v1_roles__role_name__permissions_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                role_name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RolePermissionIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoleOut"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    remove_role_permission_v1_roles__role_name__permissions__permission__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                role_name: string;
                permission: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoleOut"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    list_staff_v1_staff_get: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_StaffOut_"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    create_staff_v1_staff_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffOut"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    get_staff_v1_staff__user_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffOut"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    change_staff_v1_staff__user_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffChange"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffOut"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    grant_role_v1_staff__user_id__grants_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GrantIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GrantOut"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    withdraw_grant_v1_staff__user_id__grants__grant_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
                grant_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    reset_password_v1_staff__user_id__password_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordReset"];
            };
        };
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    reveal_staff_phone_v1_staff__user_id__phone_reveal_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevealIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevealOut"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    todo_v1_todo_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TodoList"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    act_for_v1_tokens_act_for_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActForIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenOut"];
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
}
