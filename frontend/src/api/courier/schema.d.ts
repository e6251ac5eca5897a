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
    "/v1/exports/visits.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The period's visits as CSV (UTF-8 with BOM, opens in Excel)
         * @description The visits that started in the period at the place's stations, oldest first; at most 100000 rows (more is a 422 export_too_large). Masked for everyone by default (nicknames 王*; phones are only ever kept masked); no reason needed. `clear=true` with a `reason` gives nicknames in clear, only to someone holding identity:personal:reveal over every station in it (403 export_clear_not_permitted otherwise; 422 reason_required without a reason). Every export is recorded in the audit list; the file's first row says who exported it, when and why (已脱敏 for a masked one).
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
         * @description The visits that started in the period at the place's stations, oldest first; at most 100000 rows (more is a 422 export_too_large). Masked for everyone by default (nicknames 王*; phones are only ever kept masked); no reason needed. `clear=true` with a `reason` gives nicknames in clear, only to someone holding identity:personal:reveal over every station in it (403 export_clear_not_permitted otherwise; 422 reason_required without a reason). Every export is recorded in the audit list; the file's first row says who exported it, when and why (已脱敏 for a masked one).
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
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
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
    export_csv_v1_exports_visits_csv_get: {
        parameters: {
            query?: {
                /** @description A station, community, street or district; default: your widest place */
                place_id?: string | null;
                /** @description First Beijing day; default: 29 days before `to` */
                from?: string | null;
                /** @description Last Beijing day, inclusive; default: today */
                to?: string | null;
                /** @description Nicknames in clear: needs identity:personal:reveal over every station in the export, and a reason */
                clear?: boolean;
                /** @description Why, for a clear export */
                reason?: string | null;
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
                /** @description Nicknames in clear: needs identity:personal:reveal over every station in the export, and a reason */
                clear?: boolean;
                /** @description Why, for a clear export */
                reason?: string | null;
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
}
