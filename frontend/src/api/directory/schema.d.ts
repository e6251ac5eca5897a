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
    "/v1/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Holidays and make-up workdays of a year (public) */
        get: operations["list_days_v1_calendar_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calendar/working-days/after": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The date N working days after a date */
        get: operations["working_days_after_v1_calendar_working_days_after_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calendar/{day}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Is this a working day? */
        get: operations["get_day_v1_calendar__day__get"];
        /** Mark a day as a holiday or a make-up workday */
        put: operations["put_day_v1_calendar__day__put"];
        post?: never;
        /** Make a day ordinary again */
        delete: operations["delete_day_v1_calendar__day__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/codes/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Resolve a scanned code to its place (public) */
        get: operations["resolve_code_v1_codes__token__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/codes/{token}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who issued, revoked and re-issued this code, and when */
        get: operations["code_history_v1_codes__token__history_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/codes/{token}/image.{fmt}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The code as a PNG or SVG image */
        get: operations["code_image_v1_codes__token__image__fmt__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/codes/{token}/reissue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace a code with a new token that works at once */
        post: operations["reissue_code_v1_codes__token__reissue_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/codes/{token}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a code (it answers 410 from now on) */
        post: operations["revoke_code_v1_codes__token__revoke_post"];
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
    "/v1/places": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List places (public fields) */
        get: operations["list_places_v1_places_get"];
        put?: never;
        /** Create a place under a parent (a unit door gets its QR code at once) */
        post: operations["create_place_v1_places_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/places/by-code/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A place by its public code, e.g. TGYZL-03-2 */
        get: operations["get_place_by_code_v1_places_by_code__code__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/places/{place_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One place with its ancestors */
        get: operations["get_place_v1_places__place_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a place's public fields */
        patch: operations["update_place_v1_places__place_id__patch"];
        trace?: never;
    };
    "/v1/places/{place_id}/codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The QR codes posted at a place (staff) */
        get: operations["list_place_codes_v1_places__place_id__codes_get"];
        put?: never;
        /** Issue another code at a place */
        post: operations["issue_place_code_v1_places__place_id__codes_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/places/{place_id}/qr-sheet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A printable A4 sheet of every unit door's code under a community or building, or a warm station's poster */
        get: operations["qr_sheet_v1_places__place_id__qr_sheet_get"];
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
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** CalendarDayIn */
        CalendarDayIn: {
            /**
             * Kind
             * @description holiday: a day off on a weekday; workday: a make-up workday on a weekend
             * @enum {string}
             */
            kind: "holiday" | "workday";
            /**
             * Name
             * @example 春节
             */
            name: string;
        };
        /** CalendarDayOut */
        CalendarDayOut: {
            /**
             * Day
             * Format: date
             */
            day: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "holiday" | "workday";
            /** Name */
            name: string;
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
         * Chain
         * @description The scanned place and its ancestors by kind, what an H5 page pre-fills from.
         */
        Chain: {
            building?: components["schemas"]["PlaceSummary"] | null;
            community?: components["schemas"]["PlaceSummary"] | null;
            district?: components["schemas"]["PlaceSummary"] | null;
            street?: components["schemas"]["PlaceSummary"] | null;
            unit?: components["schemas"]["PlaceSummary"] | null;
        };
        /** CodeChange */
        CodeChange: {
            /**
             * Reason
             * @example sticker torn off
             */
            reason: string;
        };
        /** CodeEventOut */
        CodeEventOut: {
            /**
             * Action
             * @enum {string}
             */
            action: "issued" | "revoked" | "reissued";
            /** Actor */
            actor: string;
            /**
             * At
             * Format: date-time
             */
            at: string;
            /**
             * Code Id
             * Format: uuid
             */
            code_id: string;
            /** Reason */
            reason: string | null;
        };
        /** CodeIssue */
        CodeIssue: {
            /**
             * Kind
             * @enum {string}
             */
            kind: "unit" | "building" | "notice_board" | "venue" | "room" | "station" | "parking_area";
            target?: components["schemas"]["CodeTarget"] | null;
        };
        /** CodeOut */
        CodeOut: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Issued At
             * Format: date-time
             */
            issued_at: string;
            /** Issued By */
            issued_by: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "unit" | "building" | "notice_board" | "venue" | "room" | "station" | "parking_area";
            /**
             * Place Id
             * Format: uuid
             */
            place_id: string;
            /** Replaces Id */
            replaces_id: string | null;
            /** Revoked At */
            revoked_at: string | null;
            /** Revoked By */
            revoked_by: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "active" | "revoked";
            target: components["schemas"]["CodeTarget"] | null;
            /** Token */
            token: string;
            /**
             * Url
             * @description What the QR symbol encodes
             */
            url: string;
        };
        /** CodeTarget */
        CodeTarget: {
            /** Id */
            id: string;
            /**
             * Service
             * @example rooms
             */
            service: string;
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
        /** Page[PlaceOut] */
        Page_PlaceOut_: {
            /** Items */
            items: components["schemas"]["PlaceOut"][];
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
        /** PlaceCreate */
        PlaceCreate: {
            /** Address */
            address?: string | null;
            /**
             * Code
             * @description Public, stable code: upper-case letters and digits in up to 4 parts
             * @example TGYZL-03-2
             */
            code: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "district" | "street" | "community" | "building" | "unit" | "venue" | "station" | "parking_area";
            /**
             * Latitude
             * @description WGS-84
             */
            latitude?: number | null;
            /**
             * Longitude
             * @description WGS-84
             */
            longitude?: number | null;
            /**
             * Name
             * @example 2单元
             */
            name: string;
            /**
             * Parent Id
             * @description Required for every kind but district
             */
            parent_id?: string | null;
            /** Phone */
            phone?: string | null;
            /**
             * Position
             * @description Order among its siblings
             * @default 0
             */
            position: number;
        };
        /** PlaceDetail */
        PlaceDetail: {
            /** Address */
            address: string | null;
            /**
             * Ancestors
             * @description From the root down to the parent
             */
            ancestors: components["schemas"]["PlaceSummary"][];
            /** Code */
            code: string;
            /**
             * Contact Phone
             * @description The nearest office phone at or above the place (its community's)
             */
            contact_phone?: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "district" | "street" | "community" | "building" | "unit" | "venue" | "station" | "parking_area";
            /** Latitude */
            latitude: number | null;
            /** Longitude */
            longitude: number | null;
            /** Name */
            name: string;
            /** Parent Id */
            parent_id: string | null;
            /** Path */
            path: string;
            /** Phone */
            phone: string | null;
            /** Position */
            position: number;
        };
        /** PlaceOut */
        PlaceOut: {
            /** Address */
            address: string | null;
            /** Code */
            code: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "district" | "street" | "community" | "building" | "unit" | "venue" | "station" | "parking_area";
            /** Latitude */
            latitude: number | null;
            /** Longitude */
            longitude: number | null;
            /** Name */
            name: string;
            /** Parent Id */
            parent_id: string | null;
            /** Path */
            path: string;
            /** Phone */
            phone: string | null;
            /** Position */
            position: number;
        };
        /** PlaceSummary */
        PlaceSummary: {
            /** Code */
            code: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "district" | "street" | "community" | "building" | "unit" | "venue" | "station" | "parking_area";
            /** Name */
            name: string;
            /** Path */
            path: string;
        };
        /**
         * PlaceUpdate
         * @description What is left out stays as it is; null clears the optional fields. A place always has a
         *     name and a position: those may be left out, not set to null.
         */
        PlaceUpdate: {
            /** Address */
            address?: string | null;
            /** Latitude */
            latitude?: number | null;
            /** Longitude */
            longitude?: number | null;
            /** Name */
            name?: string;
            /** Phone */
            phone?: string | null;
            /** Position */
            position?: number;
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
        /** ResolvedCode */
        ResolvedCode: {
            chain: components["schemas"]["Chain"];
            /**
             * Contact Phone
             * @description The nearest office phone above the place
             */
            contact_phone: string | null;
            /**
             * Kind
             * @enum {string}
             */
            kind: "unit" | "building" | "notice_board" | "venue" | "room" | "station" | "parking_area";
            /** Path */
            path: string;
            place: components["schemas"]["PlaceSummary"];
            target: components["schemas"]["CodeTarget"] | null;
            /** Token */
            token: string;
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
        /** WorkingDay */
        WorkingDay: {
            /**
             * Day
             * Format: date
             */
            day: string;
            /**
             * Reason
             * @description weekday, weekend, or the holiday / make-up day's name
             */
            reason: string;
            /** Working */
            working: boolean;
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
    list_days_v1_calendar_get: {
        parameters: {
            query: {
                year: number;
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
                    "application/json": components["schemas"]["CalendarDayOut"][];
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
    working_days_after_v1_calendar_working_days_after_get: {
        parameters: {
            query: {
                start: string;
                days: number;
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
                    "application/json": components["schemas"]["WorkingDay"];
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
    get_day_v1_calendar__day__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                day: string;
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
                    "application/json": components["schemas"]["WorkingDay"];
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
    put_day_v1_calendar__day__put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                day: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CalendarDayIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarDayOut"];
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
    delete_day_v1_calendar__day__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                day: string;
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
    resolve_code_v1_codes__token__get: {
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
                    "application/json": components["schemas"]["ResolvedCode"];
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
    code_history_v1_codes__token__history_get: {
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
                    "application/json": components["schemas"]["CodeEventOut"][];
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
    code_image_v1_codes__token__image__fmt__get: {
        parameters: {
            query?: {
                /** @description Pixels per module */
                scale?: number;
                /** @description Quiet zone in modules */
                border?: number;
            };
            header?: never;
            path: {
                token: string;
                fmt: string;
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
                    "image/png": unknown;
                    "image/svg+xml": unknown;
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
    reissue_code_v1_codes__token__reissue_post: {
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
                "application/json": components["schemas"]["CodeChange"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CodeOut"];
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
    revoke_code_v1_codes__token__revoke_post: {
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
                "application/json": components["schemas"]["CodeChange"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CodeOut"];
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
    list_places_v1_places_get: {
        parameters: {
            query?: {
                parent_id?: string | null;
                kind?: ("district" | "street" | "community" | "building" | "unit" | "venue" | "station" | "parking_area") | null;
                /** @description Only places under this one */
                under?: string | null;
                /** @description Name or code contains */
                q?: string | null;
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
                    "application/json": components["schemas"]["Page_PlaceOut_"];
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
    create_place_v1_places_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlaceCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaceDetail"];
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
    get_place_by_code_v1_places_by_code__code__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
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
                    "application/json": components["schemas"]["PlaceDetail"];
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
    get_place_v1_places__place_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                place_id: string;
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
                    "application/json": components["schemas"]["PlaceDetail"];
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
    update_place_v1_places__place_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                place_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlaceUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaceDetail"];
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
    list_place_codes_v1_places__place_id__codes_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                place_id: string;
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
                    "application/json": components["schemas"]["CodeOut"][];
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
    issue_place_code_v1_places__place_id__codes_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                place_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CodeIssue"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CodeOut"];
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
    qr_sheet_v1_places__place_id__qr_sheet_get: {
        parameters: {
            query?: {
                format?: string;
                /** @description The page, for format=svg */
                page?: number;
            };
            header?: never;
            path: {
                place_id: string;
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
                    "image/svg+xml": unknown;
                    "text/html": string;
                };
            };
            /** @description A problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": unknown;
                    "text/html": components["schemas"]["Problem"];
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
}
