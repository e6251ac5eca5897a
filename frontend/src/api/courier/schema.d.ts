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
    "/v1/activities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Activities and volunteering tasks, soonest first (public)
         * @description With `station_id`: those at the station and those posted by the street or community it hangs under. A signed-in courier sees `signed_up` on each.
         */
        get: operations["list_activities_v1_activities_get"];
        put?: never;
        /** Post an activity or volunteering task at a station, community or street */
        post: operations["create_activity_v1_activities_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/activities/managed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Activities in your places, soonest first, with hours waiting for confirmation */
        get: operations["managed_activities_v1_activities_managed_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/activities/{activity_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One activity (public) */
        get: operations["get_activity_v1_activities__activity_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an activity before it starts (capacity never below those signed up) */
        patch: operations["change_activity_v1_activities__activity_id__patch"];
        trace?: never;
    };
    "/v1/activities/{activity_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Call an activity off before it starts */
        post: operations["cancel_activity_v1_activities__activity_id__cancel_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/activities/{activity_id}/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign me up (a registered courier) while places are left
         * @description Send an Idempotency-Key: a retry on a weak network replays the answer.
         */
        post: operations["sign_up_v1_activities__activity_id__signup_post"];
        /** Cancel my sign-up before the activity starts (the place goes back) */
        delete: operations["cancel_sign_up_v1_activities__activity_id__signup_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/activities/{activity_id}/signups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who signed up (phones masked), with their hours confirmed or not */
        get: operations["list_signups_v1_activities__activity_id__signups_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/activities/{activity_id}/signups/{signup_id}/hours": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a volunteer's hours once the task is over (once per sign-up) */
        post: operations["confirm_hours_v1_activities__activity_id__signups__signup_id__hours_post"];
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
    "/v1/exports/visits.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The period's visits as CSV (UTF-8 with BOM, opens in Excel)
         * @description The visits that started in the period at the place's stations, oldest first; at most 100000 rows (more is a 422 export_too_large). Masked for everyone by default (nicknames 王*; phones are only ever kept masked); no reason needed. `clear=true` with the reason in the X-Export-Reason header (percent-encoded UTF-8; a `reason` in the query string is a 422 reason_in_query) gives  nicknames in clear, only to someone holding identity:personal:reveal over every station in it (403 export_clear_not_permitted otherwise; 422 reason_required without a reason). Every export is recorded in the audit list; the file's first row says who exported it, when and why (已脱敏 for a masked one).
         */
        get: operations["export_csv_v1_exports_visits_csv_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exports/visits.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The period's visits as an Excel workbook
         * @description The visits that started in the period at the place's stations, oldest first; at most 100000 rows (more is a 422 export_too_large). Masked for everyone by default (nicknames 王*; phones are only ever kept masked); no reason needed. `clear=true` with the reason in the X-Export-Reason header (percent-encoded UTF-8; a `reason` in the query string is a 422 reason_in_query) gives  nicknames in clear, only to someone holding identity:personal:reveal over every station in it (403 export_clear_not_permitted otherwise; 422 reason_required without a reason). Every export is recorded in the audit list; the file's first row says who exported it, when and why (已脱敏 for a masked one).
         */
        get: operations["export_xlsx_v1_exports_visits_xlsx_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/courier": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My courier profile and card */
        get: operations["my_profile_v1_me_courier_get"];
        put?: never;
        /** Register as a courier (once): nickname, platform; the first card is issued */
        post: operations["register_v1_me_courier_post"];
        delete?: never;
        options?: never;
        head?: never;
        /** Change my nickname, platform, or whether I may be named */
        patch: operations["update_profile_v1_me_courier_patch"];
        trace?: never;
    };
    "/v1/me/courier/card": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My courier card: the QR payload and the short code */
        get: operations["my_card_v1_me_courier_card_get"];
        put?: never;
        /** A new card: the one before it stops working at once */
        post: operations["reissue_card_v1_me_courier_card_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/courier/photo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Show an upload of mine (POST /v1/media) as my photo; the one before is deleted */
        put: operations["set_photo_v1_me_courier_photo_put"];
        post?: never;
        /** Remove my photo (its bytes are deleted) */
        delete: operations["remove_photo_v1_me_courier_photo_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/courier/visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My visits, newest first, with the station of each */
        get: operations["my_visits_v1_me_courier_visits_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/volunteering": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My volunteering: tasks, hours (confirmed or planned) and confirmed hours in total
         * @description The shape every service answers for the resident's 我的 page (services/kit/shapes/volunteering.schema.json). A resident who never registered as a courier has none.
         */
        get: operations["my_volunteering_v1_me_volunteering_get"];
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
         * Upload my profile photo (signed in as a courier); name its id on my profile
         * @description multipart/form-data with the field `file`: a JPEG, PNG, WebP or HEIC photo up to 10 MB, checked by its content, re-encoded as JPEG without EXIF/GPS, with a thumbnail. Unused uploads are deleted after 24 hours.
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
    "/v1/recognitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Published recognition lists, the latest month first (public) */
        get: operations["list_recognitions_v1_recognitions_get"];
        put?: never;
        /** Publish a month's recognition list for a place (after the month is over) */
        post: operations["publish_v1_recognitions_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/recognitions/{list_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One published recognition list (public) */
        get: operations["get_recognition_v1_recognitions__list_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The warm stations, with their live numbers (public) */
        get: operations["list_stations_v1_stations_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stations/{station_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A station's hours and services, couriers present and charging points free
         * @description The station's id is its directory place's, the target of its QR code (`courier:<id>`).
         */
        get: operations["get_station_v1_stations__station_id__get"];
        /** Set a station's opening hours, services and check-out limit */
        put: operations["save_profile_v1_stations__station_id__put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stations/{station_id}/cards/{card}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A scanned or typed courier card: who it is and whether they are in */
        get: operations["scan_card_v1_stations__station_id__cards__card__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stations/{station_id}/cards/{card}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a courier's card (lost, misused); the courier can take a new one */
        post: operations["revoke_card_v1_stations__station_id__cards__card__revoke_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stations/{station_id}/kit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a courier may take from the station's kit now (public; no counts) */
        get: operations["kit_v1_stations__station_id__kit_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stations/{station_id}/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is in now (couriers by nickname, phones masked; anonymous counted) */
        get: operations["live_v1_stations__station_id__live_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stations/{station_id}/supplies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The station's kit: stock, expiry, and what needs attention */
        get: operations["list_items_v1_stations__station_id__supplies_get"];
        put?: never;
        /** Add an item to the kit, with its first stock */
        post: operations["add_item_v1_stations__station_id__supplies_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stations/{station_id}/supplies/{item_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Correct an item's name, unit or low-stock threshold */
        patch: operations["update_item_v1_stations__station_id__supplies__item_id__patch"];
        trace?: never;
    };
    "/v1/stations/{station_id}/supplies/{item_id}/restocks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An item's restock records, newest first */
        get: operations["list_restocks_v1_stations__station_id__supplies__item_id__restocks_get"];
        put?: never;
        /** Record a restock: how many, the batch and its expiry, old ones written off */
        post: operations["restock_v1_stations__station_id__supplies__item_id__restocks_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stations/{station_id}/supply-alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Alerts about the kit sent to the on-duty staff, newest first */
        get: operations["list_alerts_v1_stations__station_id__supply_alerts_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stations/{station_id}/visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check a courier in by their card (scanned or its short code typed) */
        post: operations["check_in_by_card_v1_stations__station_id__visits_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stations/{station_id}/visits/{visit_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A visit at the station: who (nickname, masked phone) and, for staff holding courier:supplies:dispense, the items used (health data) */
        get: operations["visit_detail_v1_stations__station_id__visits__visit_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stations/{station_id}/visits/{visit_id}/checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check a courier out */
        post: operations["check_out_v1_stations__station_id__visits__visit_id__checkout_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stations/{station_id}/visits/{visit_id}/supplies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record what a courier takes from the kit at the desk (send an Idempotency-Key) */
        post: operations["dispense_v1_stations__station_id__visits__visit_id__supplies_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/statistics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Visits per day and hour, unique couriers, repeat rate, services and platforms
         * @description Definitions: the module docstring of services/courier/statistics.py. A visit counts on the Beijing day it starts; anonymous visits count in visits, never in couriers.
         */
        get: operations["get_statistics_v1_statistics_get"];
        put?: never;
        post?: never;
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
    "/v1/visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Visits at the stations in your places, newest first */
        get: operations["list_visits_v1_visits_get"];
        put?: never;
        /**
         * Check in at a station from its QR code: one tap, no account needed
         * @description A registered courier's token makes the visit theirs; without one the visit is anonymous (counted, never named, closed after an hour). Send an Idempotency-Key.
         */
        post: operations["check_in_v1_visits_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/visits/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My visit, through the token its check-in gave */
        get: operations["my_visit_v1_visits__token__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/visits/{token}/checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check out of my visit */
        post: operations["check_out_v1_visits__token__checkout_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/visits/{token}/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Services used during my visit (charging holds a point until check-out) */
        post: operations["use_services_v1_visits__token__services_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/visits/{token}/supplies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What I took from the kit during my visit */
        get: operations["my_supplies_v1_visits__token__supplies_get"];
        put?: never;
        /** Take an item from the kit during my visit (send an Idempotency-Key) */
        post: operations["take_v1_visits__token__supplies_post"];
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
        /**
         * ActivityIn
         * @description A new activity at a place staff hold (a station, a community or a street).
         */
        ActivityIn: {
            /** Capacity */
            capacity: number;
            /**
             * Description
             * @default
             */
            description: string;
            /**
             * Ends At
             * Format: date-time
             */
            ends_at: string;
            /** Hours */
            hours?: number | null;
            /**
             * Kind
             * @enum {string}
             */
            kind: "seasonal_care" | "festival" | "volunteering";
            /**
             * Location
             * @example 天街暖心驿站
             */
            location: string;
            /**
             * Place Id
             * Format: uuid
             */
            place_id: string;
            /**
             * Role
             * @example 引导员
             */
            role?: string | null;
            /**
             * Starts At
             * Format: date-time
             */
            starts_at: string;
            /**
             * Title
             * @example 三八节插花
             */
            title: string;
        };
        /** ActivityOut */
        ActivityOut: {
            /** Capacity */
            capacity: number;
            /** Description */
            description: string;
            /**
             * Ends At
             * Format: date-time
             */
            ends_at: string;
            /** Hours */
            hours: number | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "seasonal_care" | "festival" | "volunteering";
            /** Location */
            location: string;
            /**
             * Place Id
             * Format: uuid
             */
            place_id: string;
            /** Place Name */
            place_name: string;
            /** Places Left */
            places_left: number;
            /** Role */
            role: string | null;
            /** Signed Up */
            signed_up?: boolean | null;
            /**
             * Starts At
             * Format: date-time
             */
            starts_at: string;
            /**
             * Status
             * @enum {string}
             */
            status: "open" | "cancelled";
            /** Title */
            title: string;
        };
        /**
         * ActivityUpdate
         * @description What staff may change once couriers signed up (capacity never below them).
         */
        ActivityUpdate: {
            /** Capacity */
            capacity?: number | null;
            /** Description */
            description?: string | null;
            /** Location */
            location?: string | null;
            /** Title */
            title?: string | null;
        };
        /**
         * CardOut
         * @description A courier's card: the QR code's payload and the short code to type (XXXX-XXXX).
         */
        CardOut: {
            /**
             * Issued At
             * Format: date-time
             */
            issued_at: string;
            /** Qr Payload */
            qr_payload: string;
            /** Short Code */
            short_code: string;
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
         * CheckInByCard
         * @description Staff scanned (or typed) a courier's card: its token, QR payload or short code.
         */
        CheckInByCard: {
            /** Card */
            card: string;
            /** Services */
            services?: ("charging" | "heating" | "water")[];
        };
        /**
         * CheckInByCode
         * @description One tap after scanning the station's code; services may be picked now or later.
         */
        CheckInByCode: {
            /** Code Token */
            code_token: string;
            /** Services */
            services?: ("charging" | "heating" | "water")[];
        };
        /**
         * CheckedIn
         * @description The answer to the phone that checked in: the visit and its token (shown once here),
         *     the key to pick services and check out without an account.
         */
        CheckedIn: {
            /** Anonymous */
            anonymous: boolean;
            /** Closed At */
            closed_at: string | null;
            /**
             * Closes At
             * Format: date-time
             */
            closes_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Services */
            services: ("charging" | "heating" | "water")[];
            /**
             * Source
             * @enum {string}
             */
            source: "code" | "card";
            /**
             * Started At
             * Format: date-time
             */
            started_at: string;
            /**
             * Station Id
             * Format: uuid
             */
            station_id: string;
            /**
             * Status
             * @enum {string}
             */
            status: "open" | "closed" | "auto_closed";
            /** Token */
            token: string;
        };
        /** CourierIn */
        CourierIn: {
            /**
             * Agrees To Be Named
             * @default false
             */
            agrees_to_be_named: boolean;
            /**
             * Nickname
             * @example 小王
             */
            nickname: string;
            /**
             * Platform
             * @enum {string}
             */
            platform: "meituan" | "eleme" | "jd" | "sf" | "shansong" | "other";
        };
        /** CourierProfile */
        CourierProfile: {
            /** Agrees To Be Named */
            agrees_to_be_named: boolean;
            card: components["schemas"]["CardOut"] | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Nickname */
            nickname: string;
            /** Phone Masked */
            phone_masked: string | null;
            /**
             * Photo Url
             * @description My photo's thumbnail behind a signed link that expires; null: none
             */
            photo_url: string | null;
            /**
             * Platform
             * @enum {string}
             */
            platform: "meituan" | "eleme" | "jd" | "sf" | "shansong" | "other";
            /**
             * Registered At
             * Format: date-time
             */
            registered_at: string;
        };
        /** CourierStatistics */
        CourierStatistics: {
            /**
             * By Hour
             * @description Visits by the Beijing hour they started, 0-23
             */
            by_hour: number[];
            couriers: components["schemas"]["CourierTotals"];
            /**
             * Daily
             * @description Every day of the period, oldest first
             */
            daily: components["schemas"]["DayFigures"][];
            /** Days */
            days: number;
            /**
             * From
             * Format: date
             * @description First Beijing day of the period
             */
            from: string;
            /**
             * Heatmap
             * @description Visits by weekday (rows, Monday first) and Beijing hour (24 columns): the week's busy hours, whatever the period's length
             */
            heatmap: number[][];
            /** @description null: every station */
            place: components["schemas"]["StatisticsPlace"] | null;
            /**
             * Platforms
             * @description Registered couriers by platform
             */
            platforms: components["schemas"]["PlatformFigures"][];
            /**
             * Services
             * @description Visits that used each service (charging, heating, water, ...)
             */
            services: {
                [key: string]: number;
            };
            /**
             * To
             * Format: date
             */
            to: string;
            visits: components["schemas"]["VisitTotals"];
            /**
             * Volunteer Hours
             * @description Volunteer hours confirmed in the period at places in the scope
             */
            volunteer_hours: number;
        };
        /** CourierTotals */
        CourierTotals: {
            repeat: components["schemas"]["RepeatRate"];
            /**
             * Unique
             * @description Registered couriers with a visit (anonymous never count)
             */
            unique: number;
        };
        /** CourierUpdate */
        CourierUpdate: {
            /** Agrees To Be Named */
            agrees_to_be_named?: boolean | null;
            /** Nickname */
            nickname?: string | null;
            /** Platform */
            platform?: ("meituan" | "eleme" | "jd" | "sf" | "shansong" | "other") | null;
        };
        /** DayFigures */
        DayFigures: {
            /** Anonymous */
            anonymous: number;
            /**
             * Couriers
             * @description Registered couriers with a visit that day
             */
            couriers: number;
            /**
             * Day
             * Format: date
             */
            day: string;
            /** Registered */
            registered: number;
            /** Visits */
            visits: number;
        };
        /**
         * DayHours
         * @description One opening period of a weekday, in Beijing time (a weekday may have several).
         */
        DayHours: {
            /**
             * Closes
             * Format: time
             * @example 22:00
             */
            closes: string;
            /**
             * Opens
             * Format: time
             * @example 08:00
             */
            opens: string;
            /**
             * Weekday
             * @description Monday 0 … Sunday 6
             */
            weekday: number;
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
        /** HelpfulPick */
        HelpfulPick: {
            /**
             * Courier Id
             * Format: uuid
             */
            courier_id: string;
            /**
             * Reason
             * @example 雨天帮邻居送药
             */
            reason: string;
        };
        /**
         * HoursIn
         * @description Hours to confirm for one sign-up; none: the hours the task planned.
         */
        HoursIn: {
            /** Hours */
            hours?: number | null;
        };
        /**
         * KitItem
         * @description An item as a courier picks it on the phone: whether it can be had now, no counts.
         */
        KitItem: {
            /** Available */
            available: boolean;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "medicine" | "supply";
            /** Name */
            name: string;
            /** Unit */
            unit: string;
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
        /**
         * LiveNumbers
         * @description The station now: who is in (registered and anonymous alike) and charging points free.
         */
        LiveNumbers: {
            /** Charging Free */
            charging_free: number;
            /** Open Now */
            open_now: boolean;
            /** Present */
            present: number;
        };
        /**
         * LiveStation
         * @description The staff's live view: the registered couriers in by name, anonymous ones counted.
         */
        LiveStation: {
            /** Anonymous Present */
            anonymous_present: number;
            /** Charging Free */
            charging_free: number;
            /** Charging Points */
            charging_points: number;
            /** Couriers */
            couriers: components["schemas"]["PresentCourier"][];
            /** Name */
            name: string;
            /** Open Now */
            open_now: boolean;
            /** Present */
            present: number;
            /**
             * Station Id
             * Format: uuid
             */
            station_id: string;
        };
        /**
         * ManagedActivity
         * @description An activity in staff's list: with the sign-ups whose hours wait for confirmation
         *     (volunteering tasks that are over).
         */
        ManagedActivity: {
            /** Capacity */
            capacity: number;
            /** Description */
            description: string;
            /**
             * Ends At
             * Format: date-time
             */
            ends_at: string;
            /** Hours */
            hours: number | null;
            /** Hours To Confirm */
            hours_to_confirm: number;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "seasonal_care" | "festival" | "volunteering";
            /** Location */
            location: string;
            /**
             * Place Id
             * Format: uuid
             */
            place_id: string;
            /** Place Name */
            place_name: string;
            /** Places Left */
            places_left: number;
            /** Role */
            role: string | null;
            /** Signed Up */
            signed_up?: boolean | null;
            /**
             * Starts At
             * Format: date-time
             */
            starts_at: string;
            /**
             * Status
             * @enum {string}
             */
            status: "open" | "cancelled";
            /** Title */
            title: string;
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
         * MyVisit
         * @description One of a registered courier's visits, as their phone lists them.
         */
        MyVisit: {
            /** Anonymous */
            anonymous: boolean;
            /** Closed At */
            closed_at: string | null;
            /**
             * Closes At
             * Format: date-time
             */
            closes_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Services */
            services: ("charging" | "heating" | "water")[];
            /**
             * Source
             * @enum {string}
             */
            source: "code" | "card";
            /**
             * Started At
             * Format: date-time
             */
            started_at: string;
            /**
             * Station Id
             * Format: uuid
             */
            station_id: string;
            /** Station Name */
            station_name: string;
            /**
             * Status
             * @enum {string}
             */
            status: "open" | "closed" | "auto_closed";
        };
        /** MyVolunteering */
        MyVolunteering: {
            /** Items */
            items: components["schemas"]["VolunteeringItem"][];
            /** Total */
            total: number;
        };
        /** Page[ActivityOut] */
        Page_ActivityOut_: {
            /** Items */
            items: components["schemas"]["ActivityOut"][];
            /** Total */
            total: number;
        };
        /** Page[ManagedActivity] */
        Page_ManagedActivity_: {
            /** Items */
            items: components["schemas"]["ManagedActivity"][];
            /** Total */
            total: number;
        };
        /** Page[MyVisit] */
        Page_MyVisit_: {
            /** Items */
            items: components["schemas"]["MyVisit"][];
            /** Total */
            total: number;
        };
        /** Page[RecognitionOut] */
        Page_RecognitionOut_: {
            /** Items */
            items: components["schemas"]["RecognitionOut"][];
            /** Total */
            total: number;
        };
        /** Page[RestockOut] */
        Page_RestockOut_: {
            /** Items */
            items: components["schemas"]["RestockOut"][];
            /** Total */
            total: number;
        };
        /** Page[SupplyAlertOut] */
        Page_SupplyAlertOut_: {
            /** Items */
            items: components["schemas"]["SupplyAlertOut"][];
            /** Total */
            total: number;
        };
        /** Page[VisitRow] */
        Page_VisitRow_: {
            /** Items */
            items: components["schemas"]["VisitRow"][];
            /** Total */
            total: number;
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
         * PhotoIn
         * @description An upload of mine (POST /v1/media) to show as my photo.
         */
        PhotoIn: {
            /**
             * Media Id
             * Format: uuid
             */
            media_id: string;
            /**
             * Upload Key
             * @description The upload's key from its answer (not needed when uploaded signed in)
             */
            upload_key?: string | null;
        };
        /** PlatformFigures */
        PlatformFigures: {
            /** Couriers */
            couriers: number;
            /**
             * Name
             * @example 美团
             */
            name: string;
            /**
             * Platform
             * @enum {string}
             */
            platform: "meituan" | "eleme" | "jd" | "sf" | "shansong" | "other";
            /** Visits */
            visits: number;
        };
        /** PresentCourier */
        PresentCourier: {
            /** Nickname */
            nickname: string;
            /** Phone Masked */
            phone_masked: string | null;
            /** Photo Url */
            photo_url: string | null;
            /**
             * Platform
             * @enum {string}
             */
            platform: "meituan" | "eleme" | "jd" | "sf" | "shansong" | "other";
            /** Services */
            services: ("charging" | "heating" | "water")[];
            /**
             * Since
             * Format: date-time
             */
            since: string;
            /**
             * Visit Id
             * Format: uuid
             */
            visit_id: string;
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
        /** RecognitionEntryOut */
        RecognitionEntryOut: {
            /** Hours */
            hours: number | null;
            /** Nickname */
            nickname: string;
            /**
             * Platform
             * @enum {string}
             */
            platform: "meituan" | "eleme" | "jd" | "sf" | "shansong" | "other";
            /** Rank */
            rank: number;
            /** Reason */
            reason: string | null;
        };
        /**
         * RecognitionIn
         * @description A month's list for a place: most volunteer hours (counted from confirmed hours, the
         *     `top` couriers who agree to be named) or most helpful (the couriers staff pick).
         */
        RecognitionIn: {
            /**
             * Category
             * @enum {string}
             */
            category: "volunteer_hours" | "most_helpful";
            /** Couriers */
            couriers?: components["schemas"]["HelpfulPick"][];
            /**
             * Month
             * @example 2026-11
             */
            month: string;
            /**
             * Place Id
             * Format: uuid
             */
            place_id: string;
            /** Title */
            title?: string | null;
            /**
             * Top
             * @default 10
             */
            top: number;
        };
        /** RecognitionOut */
        RecognitionOut: {
            /**
             * Category
             * @enum {string}
             */
            category: "volunteer_hours" | "most_helpful";
            /** Entries */
            entries: components["schemas"]["RecognitionEntryOut"][];
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Month */
            month: string;
            /**
             * Place Id
             * Format: uuid
             */
            place_id: string;
            /** Place Name */
            place_name: string;
            /**
             * Published At
             * Format: date-time
             */
            published_at: string;
            /** Title */
            title: string;
        };
        /** RepeatRate */
        RepeatRate: {
            /**
             * D
             * @description Registered couriers with a visit in the period
             */
            d: number;
            /**
             * N
             * @description Registered couriers with 2 visits or more in the period
             */
            n: number;
            /**
             * Rate
             * @description n / d, rounded to 4 places; null when d is 0
             */
            rate: number | null;
        };
        /**
         * RestockIn
         * @description Stock added; `written_off` old ones taken off the shelf at the same time (expired,
         *     damaged). The item then keeps until the earliest expiry left on the shelf.
         */
        RestockIn: {
            /**
             * Batch
             * @example B20261101
             */
            batch?: string | null;
            /** Expires On */
            expires_on?: string | null;
            /** Quantity */
            quantity: number;
            /**
             * Written Off
             * @default 0
             */
            written_off: number;
        };
        /** RestockOut */
        RestockOut: {
            /** Actor */
            actor: string;
            /** Actor Name */
            actor_name: string | null;
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Batch */
            batch: string | null;
            /** Expires On */
            expires_on: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Item Id
             * Format: uuid
             */
            item_id: string;
            /** Quantity */
            quantity: number;
            /** Written Off */
            written_off: number;
        };
        /**
         * ScannedCourier
         * @description A card as staff see it at their station: who, and whether they are in somewhere.
         */
        ScannedCourier: {
            /**
             * Courier Id
             * Format: uuid
             */
            courier_id: string;
            /** Nickname */
            nickname: string;
            open_visit: components["schemas"]["VisitOut"] | null;
            /** Phone Masked */
            phone_masked: string | null;
            /**
             * Photo Url
             * @description The courier's photo (a thumbnail) behind a signed link; null: none
             */
            photo_url: string | null;
            /**
             * Platform
             * @enum {string}
             */
            platform: "meituan" | "eleme" | "jd" | "sf" | "shansong" | "other";
        };
        /** ServicesIn */
        ServicesIn: {
            /** Services */
            services: ("charging" | "heating" | "water")[];
        };
        /**
         * SignupRow
         * @description A sign-up as staff see it: the courier by nickname, the phone masked.
         */
        SignupRow: {
            /** Confirmed At */
            confirmed_at: string | null;
            /**
             * Courier Id
             * Format: uuid
             */
            courier_id: string;
            /** Hours */
            hours: number | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Nickname */
            nickname: string;
            /** Phone Masked */
            phone_masked: string | null;
            /**
             * Platform
             * @enum {string}
             */
            platform: "meituan" | "eleme" | "jd" | "sf" | "shansong" | "other";
            /**
             * Signed Up At
             * Format: date-time
             */
            signed_up_at: string;
            /**
             * Status
             * @enum {string}
             */
            status: "signed_up" | "cancelled";
        };
        /** StationOut */
        StationOut: {
            /** Auto Close Minutes */
            auto_close_minutes: number;
            /** Charging Points */
            charging_points: number;
            /** Hours */
            hours: components["schemas"]["DayHours"][];
            /**
             * Id
             * Format: uuid
             */
            id: string;
            live: components["schemas"]["LiveNumbers"];
            /** Medicine Kit */
            medicine_kit: boolean;
            /** Microwave */
            microwave: boolean;
            /** Name */
            name: string;
            /** Place Code */
            place_code: string;
            /** Rest Seats */
            rest_seats: number;
            /** Water */
            water: boolean;
        };
        /** StationProfileIn */
        StationProfileIn: {
            /**
             * Auto Close Minutes
             * @default 180
             */
            auto_close_minutes: number;
            /** Charging Points */
            charging_points: number;
            /** Hours */
            hours: components["schemas"]["DayHours"][];
            /**
             * Medicine Kit
             * @default false
             */
            medicine_kit: boolean;
            /**
             * Microwave
             * @default false
             */
            microwave: boolean;
            /** Rest Seats */
            rest_seats: number;
            /**
             * Water
             * @default false
             */
            water: boolean;
        };
        /** StatisticsPlace */
        StatisticsPlace: {
            /** Code */
            code: string;
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
        /** SupplyAlertOut */
        SupplyAlertOut: {
            /**
             * Condition
             * @enum {string}
             */
            condition: "low_stock" | "near_expiry" | "expired";
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Item Id
             * Format: uuid
             */
            item_id: string;
            /** Item Name */
            item_name: string;
            /** Notified At */
            notified_at: string | null;
            /** Occasion */
            occasion: string;
            /** On Duty */
            on_duty: number | null;
            /**
             * Raised At
             * Format: date-time
             */
            raised_at: string;
        };
        /**
         * SupplyItemIn
         * @description A new item of the kit; medicine needs an expiry date, supplies may have one.
         */
        SupplyItemIn: {
            /** Expires On */
            expires_on?: string | null;
            /**
             * Kind
             * @enum {string}
             */
            kind: "medicine" | "supply";
            /**
             * Low Stock Threshold
             * @example 2
             */
            low_stock_threshold: number;
            /**
             * Name
             * @example 布洛芬缓释胶囊
             */
            name: string;
            /** Quantity */
            quantity: number;
            /**
             * Unit
             * @example 盒
             */
            unit: string;
        };
        /**
         * SupplyItemOut
         * @description An item as staff see it, with what needs attention (judged on the station's day).
         */
        SupplyItemOut: {
            /** Expired */
            expired: boolean;
            /** Expires On */
            expires_on: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "medicine" | "supply";
            /** Low Stock */
            low_stock: boolean;
            /** Low Stock Threshold */
            low_stock_threshold: number;
            /** Name */
            name: string;
            /** Near Expiry */
            near_expiry: boolean;
            /** Quantity */
            quantity: number;
            /**
             * Station Id
             * Format: uuid
             */
            station_id: string;
            /**
             * Stocked At
             * Format: date-time
             */
            stocked_at: string;
            /** Unit */
            unit: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /**
         * SupplyItemUpdate
         * @description What staff may correct on an item (its stock changes only by restocks and uses).
         */
        SupplyItemUpdate: {
            /** Low Stock Threshold */
            low_stock_threshold?: number | null;
            /** Name */
            name?: string | null;
            /** Unit */
            unit?: string | null;
        };
        /** SupplyUseIn */
        SupplyUseIn: {
            /**
             * Item Id
             * Format: uuid
             */
            item_id: string;
            /**
             * Quantity
             * @default 1
             */
            quantity: number;
        };
        /**
         * SupplyUseOut
         * @description One item used on a visit (who recorded it: the courier's phone or staff).
         */
        SupplyUseOut: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Item Id
             * Format: uuid
             */
            item_id: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "medicine" | "supply";
            /** Name */
            name: string;
            /** Quantity */
            quantity: number;
            /**
             * Recorded By
             * @enum {string}
             */
            recorded_by: "courier" | "staff";
            /** Unit */
            unit: string;
            /**
             * Used At
             * Format: date-time
             */
            used_at: string;
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
        /**
         * VisitDetail
         * @description A visit as staff see it at their station. `supplies_used` is health data: listed for
         *     staff holding courier:supplies:dispense there, null for everyone else.
         */
        VisitDetail: {
            /** Anonymous */
            anonymous: boolean;
            /** Closed At */
            closed_at: string | null;
            /**
             * Closes At
             * Format: date-time
             */
            closes_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Nickname */
            nickname: string | null;
            /** Phone Masked */
            phone_masked: string | null;
            /** Services */
            services: ("charging" | "heating" | "water")[];
            /**
             * Source
             * @enum {string}
             */
            source: "code" | "card";
            /**
             * Started At
             * Format: date-time
             */
            started_at: string;
            /**
             * Station Id
             * Format: uuid
             */
            station_id: string;
            /**
             * Status
             * @enum {string}
             */
            status: "open" | "closed" | "auto_closed";
            /** Supplies Used */
            supplies_used: components["schemas"]["SupplyUseOut"][] | null;
        };
        /** VisitOut */
        VisitOut: {
            /** Anonymous */
            anonymous: boolean;
            /** Closed At */
            closed_at: string | null;
            /**
             * Closes At
             * Format: date-time
             */
            closes_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Services */
            services: ("charging" | "heating" | "water")[];
            /**
             * Source
             * @enum {string}
             */
            source: "code" | "card";
            /**
             * Started At
             * Format: date-time
             */
            started_at: string;
            /**
             * Station Id
             * Format: uuid
             */
            station_id: string;
            /**
             * Status
             * @enum {string}
             */
            status: "open" | "closed" | "auto_closed";
        };
        /**
         * VisitRow
         * @description A visit in staff's list: the courier by nickname and platform (none: anonymous).
         */
        VisitRow: {
            /** Anonymous */
            anonymous: boolean;
            /** Closed At */
            closed_at: string | null;
            /**
             * Closes At
             * Format: date-time
             */
            closes_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Nickname */
            nickname: string | null;
            /** Platform */
            platform: ("meituan" | "eleme" | "jd" | "sf" | "shansong" | "other") | null;
            /** Services */
            services: ("charging" | "heating" | "water")[];
            /**
             * Source
             * @enum {string}
             */
            source: "code" | "card";
            /**
             * Started At
             * Format: date-time
             */
            started_at: string;
            /**
             * Station Id
             * Format: uuid
             */
            station_id: string;
            /**
             * Status
             * @enum {string}
             */
            status: "open" | "closed" | "auto_closed";
        };
        /** VisitTotals */
        VisitTotals: {
            /**
             * Anonymous
             * @description Anonymous quick check-ins
             */
            anonymous: number;
            /**
             * Per Day
             * @description total / days in the period, rounded to 1 place
             */
            per_day: number;
            /**
             * Registered
             * @description Visits of registered couriers
             */
            registered: number;
            /** Total */
            total: number;
        };
        /** VolunteeringItem */
        VolunteeringItem: {
            /**
             * Activity
             * @example 垃圾分类引导
             */
            activity: string;
            /** Confirmed */
            confirmed: boolean;
            /**
             * Date
             * Format: date
             */
            date: string;
            /**
             * Hours
             * @example 2.5
             */
            hours: number;
            /**
             * Place
             * @example 天宫院中里社区
             */
            place: string;
            /**
             * Role
             * @example 引导员
             */
            role: string;
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
    list_activities_v1_activities_get: {
        parameters: {
            query?: {
                station_id?: string | null;
                kind?: ("seasonal_care" | "festival" | "volunteering") | null;
                /** @description false: past and cancelled ones too */
                upcoming?: boolean;
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
                    "application/json": components["schemas"]["Page_ActivityOut_"];
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
    create_activity_v1_activities_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActivityIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityOut"];
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
    managed_activities_v1_activities_managed_get: {
        parameters: {
            query?: {
                kind?: ("seasonal_care" | "festival" | "volunteering") | null;
                /** @description only volunteering tasks with hours to confirm */
                unconfirmed?: boolean;
                /** @description only those not over yet */
                upcoming?: boolean;
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
                    "application/json": components["schemas"]["Page_ManagedActivity_"];
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
    get_activity_v1_activities__activity_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                activity_id: string;
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
                    "application/json": components["schemas"]["ActivityOut"];
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
    change_activity_v1_activities__activity_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                activity_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActivityUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityOut"];
                };
            };
            /** @description capacity_below_signups, activity_started */
            409: {
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
    cancel_activity_v1_activities__activity_id__cancel_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                activity_id: string;
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
                    "application/json": components["schemas"]["ActivityOut"];
                };
            };
            /** @description activity_started, activity_cancelled */
            409: {
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
    sign_up_v1_activities__activity_id__signup_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description A random UUID per intended write; resend it on retries. */
                "Idempotency-Key"?: string | null;
            };
            path: {
                activity_id: string;
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
                    "application/json": components["schemas"]["ActivityOut"];
                };
            };
            /** @description activity_full, already_signed_up, activity_started, activity_cancelled */
            409: {
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
    cancel_sign_up_v1_activities__activity_id__signup_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                activity_id: string;
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
    list_signups_v1_activities__activity_id__signups_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                activity_id: string;
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
                    "application/json": components["schemas"]["SignupRow"][];
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
    confirm_hours_v1_activities__activity_id__signups__signup_id__hours_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                signup_id: string;
                activity_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HoursIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignupRow"];
                };
            };
            /** @description hours_already_confirmed, task_not_over, signup_cancelled, not_a_volunteering_task */
            409: {
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
    export_csv_v1_exports_visits_csv_get: {
        parameters: {
            query?: {
                /** @description A station, community, street or district; default: your widest place */
                place_id?: string | null;
                /** @description First Beijing day; default: 29 days before `to` */
                from?: string | null;
                /** @description Last Beijing day, inclusive; default: today */
                to?: string | null;
                /** @description Nicknames in clear: needs identity:personal:reveal over every station in the export, and a reason (header X-Export-Reason) */
                clear?: boolean;
            };
            header?: {
                /** @description Why, for a clear export: percent-encoded UTF-8 (encodeURIComponent). Never in the query string. */
                "X-Export-Reason"?: string | null;
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
                    "text/csv": unknown;
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
    export_xlsx_v1_exports_visits_xlsx_get: {
        parameters: {
            query?: {
                /** @description A station, community, street or district; default: your widest place */
                place_id?: string | null;
                /** @description First Beijing day; default: 29 days before `to` */
                from?: string | null;
                /** @description Last Beijing day, inclusive; default: today */
                to?: string | null;
                /** @description Nicknames in clear: needs identity:personal:reveal over every station in the export, and a reason (header X-Export-Reason) */
                clear?: boolean;
            };
            header?: {
                /** @description Why, for a clear export: percent-encoded UTF-8 (encodeURIComponent). Never in the query string. */
                "X-Export-Reason"?: string | null;
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
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": unknown;
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
    my_profile_v1_me_courier_get: {
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
                    "application/json": components["schemas"]["CourierProfile"];
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
    register_v1_me_courier_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CourierIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CourierProfile"];
                };
            };
            /** @description courier_already_registered */
            409: {
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
    update_profile_v1_me_courier_patch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CourierUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CourierProfile"];
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
    my_card_v1_me_courier_card_get: {
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
                    "application/json": components["schemas"]["CardOut"];
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
    reissue_card_v1_me_courier_card_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
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
                    "application/json": components["schemas"]["CardOut"];
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
    set_photo_v1_me_courier_photo_put: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PhotoIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CourierProfile"];
                };
            };
            /** @description invalid_media: not mine, not an image, already used */
            422: {
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
    remove_photo_v1_me_courier_photo_delete: {
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
    my_visits_v1_me_courier_visits_get: {
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
                    "application/json": components["schemas"]["Page_MyVisit_"];
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
    my_volunteering_v1_me_volunteering_get: {
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
                    "application/json": components["schemas"]["MyVolunteering"];
                };
            };
            /** @description residents_only */
            403: {
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
    list_recognitions_v1_recognitions_get: {
        parameters: {
            query?: {
                place_id?: string | null;
                /** @description lists its couriers see: at, above or near it */
                station_id?: string | null;
                month?: string | null;
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
                    "application/json": components["schemas"]["Page_RecognitionOut_"];
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
    publish_v1_recognitions_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecognitionIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecognitionOut"];
                };
            };
            /** @description recognition_already_published, nothing_to_recognise */
            409: {
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
    get_recognition_v1_recognitions__list_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                list_id: string;
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
                    "application/json": components["schemas"]["RecognitionOut"];
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
    list_stations_v1_stations_get: {
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
                    "application/json": components["schemas"]["StationOut"][];
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
    get_station_v1_stations__station_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                station_id: string;
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
                    "application/json": components["schemas"]["StationOut"];
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
    save_profile_v1_stations__station_id__put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                station_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StationProfileIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StationOut"];
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
    scan_card_v1_stations__station_id__cards__card__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                card: string;
                station_id: string;
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
                    "application/json": components["schemas"]["ScannedCourier"];
                };
            };
            /** @description card_revoked */
            410: {
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
    revoke_card_v1_stations__station_id__cards__card__revoke_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                card: string;
                station_id: string;
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
    kit_v1_stations__station_id__kit_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                station_id: string;
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
                    "application/json": components["schemas"]["KitItem"][];
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
    live_v1_stations__station_id__live_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                station_id: string;
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
                    "application/json": components["schemas"]["LiveStation"];
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
    list_items_v1_stations__station_id__supplies_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                station_id: string;
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
                    "application/json": components["schemas"]["SupplyItemOut"][];
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
    add_item_v1_stations__station_id__supplies_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                station_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SupplyItemIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyItemOut"];
                };
            };
            /** @description item_exists */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description expiry_required */
            422: {
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
    update_item_v1_stations__station_id__supplies__item_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                item_id: string;
                station_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SupplyItemUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyItemOut"];
                };
            };
            /** @description item_exists */
            409: {
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
    list_restocks_v1_stations__station_id__supplies__item_id__restocks_get: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path: {
                item_id: string;
                station_id: string;
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
                    "application/json": components["schemas"]["Page_RestockOut_"];
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
    restock_v1_stations__station_id__supplies__item_id__restocks_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                item_id: string;
                station_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RestockIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyItemOut"];
                };
            };
            /** @description expiry_required, written_off_exceeds_stock */
            422: {
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
    list_alerts_v1_stations__station_id__supply_alerts_get: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path: {
                station_id: string;
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
                    "application/json": components["schemas"]["Page_SupplyAlertOut_"];
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
    check_in_by_card_v1_stations__station_id__visits_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description A random UUID per intended write; resend it on retries. */
                "Idempotency-Key"?: string | null;
            };
            path: {
                station_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckInByCard"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckedIn"];
                };
            };
            /** @description station_closed, or visit_already_open */
            409: {
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
    visit_detail_v1_stations__station_id__visits__visit_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                visit_id: string;
                station_id: string;
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
                    "application/json": components["schemas"]["VisitDetail"];
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
    check_out_v1_stations__station_id__visits__visit_id__checkout_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                visit_id: string;
                station_id: string;
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
                    "application/json": components["schemas"]["VisitOut"];
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
    dispense_v1_stations__station_id__visits__visit_id__supplies_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description A random UUID per intended write; resend it on retries. */
                "Idempotency-Key"?: string | null;
            };
            path: {
                visit_id: string;
                station_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SupplyUseIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyUseOut"];
                };
            };
            /** @description visit_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description item_out_of_stock, item_expired (on-duty staff alerted), visit_not_open */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description item_not_found: not in this station's kit */
            422: {
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
    get_statistics_v1_statistics_get: {
        parameters: {
            query?: {
                /** @description A station, community, street or district; default: your widest place */
                place_id?: string | null;
                /** @description First Beijing day; default: 29 days before `to` */
                from?: string | null;
                /** @description Last Beijing day, inclusive; default: today */
                to?: string | null;
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
                    "application/json": components["schemas"]["CourierStatistics"];
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
    list_visits_v1_visits_get: {
        parameters: {
            query?: {
                station_id?: string | null;
                status?: ("open" | "closed" | "auto_closed") | null;
                /** @description First Beijing day started */
                from?: string | null;
                /** @description Last Beijing day started */
                to?: string | null;
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
                    "application/json": components["schemas"]["Page_VisitRow_"];
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
    check_in_v1_visits_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description A random UUID per intended write; resend it on retries. */
                "Idempotency-Key"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckInByCode"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckedIn"];
                };
            };
            /** @description station_closed, or visit_already_open */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many anonymous check-ins from this phone or network */
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
    my_visit_v1_visits__token__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
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
                    "application/json": components["schemas"]["VisitOut"];
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
    check_out_v1_visits__token__checkout_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
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
                    "application/json": components["schemas"]["VisitOut"];
                };
            };
            /** @description The visit has ended already (invalid_transition) */
            409: {
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
    use_services_v1_visits__token__services_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ServicesIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VisitOut"];
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
    my_supplies_v1_visits__token__supplies_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
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
                    "application/json": components["schemas"]["SupplyUseOut"][];
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
    take_v1_visits__token__supplies_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description A random UUID per intended write; resend it on retries. */
                "Idempotency-Key"?: string | null;
            };
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SupplyUseIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyUseOut"];
                };
            };
            /** @description visit_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description item_out_of_stock, item_expired (on-duty staff alerted), visit_not_open */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description item_not_found: not in this station's kit */
            422: {
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
}
