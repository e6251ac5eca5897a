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
    "/open311/v2/discovery.{fmt}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open311 discovery: where and what this endpoint speaks */
        get: operations["discovery_open311_v2_discovery__fmt__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/requests.{fmt}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Open311 service requests (public: no personal data)
         * @description Filters: service_request_id (comma list; overrides the rest), service_code (comma list), status (open, closed), start_date and end_date (W3C datetimes; default the last 90 days, at most 90 days apart), page and page_size (at most 1000). Newest first.
         */
        get: operations["list_requests_open311_v2_requests__fmt__get"];
        put?: never;
        /**
         * Open311: post a service request (api_key with intake:open311:submit)
         * @description Form-encoded. The api_key must hold intake:open311:submit over the place; a missing or invalid key is the spec's 403. The location is address_id, else address_string (a place code or a written address), else lat/long in WGS-84 as the spec says (a GCJ-02 point from a Chinese map lies some 500 m off), placed at the nearest building within 150 m. An Idempotency-Key header makes retries safe.
         */
        post: operations["post_request_open311_v2_requests__fmt__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/requests/{service_request_id}.{fmt}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open311: one service request (a list of one) */
        get: operations["get_request_open311_v2_requests__service_request_id___fmt__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/services.{fmt}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open311 services: the report categories */
        get: operations["list_services_open311_v2_services__fmt__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/services/{service_code}.{fmt}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open311 service definition (no extra attributes: attributes is empty) */
        get: operations["get_service_definition_open311_v2_services__service_code___fmt__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/tokens/{token}.{fmt}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open311: the request id of a token (itself) */
        get: operations["get_token_open311_v2_tokens__token___fmt__get"];
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
    "/v1/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Report categories, in display order (public)
         * @description With the scanned code's token: the categories as that street office has them (its default priorities; those it switched off left out). Without: the global set.
         */
        get: operations["list_categories_v1_categories_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/category-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every category as a street office (or the district) has it, set there or inherited */
        get: operations["list_settings_v1_category_settings_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/category-settings/{category}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set a category's values at a street office or the district
         * @description Only the fields given change; a field given as null is inherited again. A contractor handler must be an organisation identity knows (its name is identity's).
         */
        put: operations["put_setting_v1_category_settings__category__put"];
        post?: never;
        /** Remove a place's own values of a category: every value is inherited again */
        delete: operations["delete_setting_v1_category_settings__category__delete"];
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
    "/v1/exports/tickets.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The filtered ticket list as CSV (UTF-8 with BOM, opens in Excel)
         * @description At most 50000 rows (more is a 422 export_too_large). Masked for everyone by default (names 张*, phones 138****1234, numbers in the description blanked); no reason needed. `clear=true` with the reason in the X-Export-Reason header (percent-encoded UTF-8; a `reason` in the query string is a 422 reason_in_query) gives  names and phones in clear, only to someone holding identity:personal:reveal over every ticket in it (403 export_clear_not_permitted otherwise; 422 reason_required without a reason). Every export is recorded in the audit list; the file's first row says who exported it, when and why (已脱敏 for a masked one).
         */
        get: operations["export_csv_v1_exports_tickets_csv_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exports/tickets.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The filtered ticket list as an Excel workbook
         * @description At most 50000 rows (more is a 422 export_too_large). Masked for everyone by default (names 张*, phones 138****1234, numbers in the description blanked); no reason needed. `clear=true` with the reason in the X-Export-Reason header (percent-encoded UTF-8; a `reason` in the query string is a 422 reason_in_query) gives  names and phones in clear, only to someone holding identity:personal:reveal over every ticket in it (403 export_clear_not_permitted otherwise; 422 reason_required without a reason). Every export is recorded in the audit list; the file's first row says who exported it, when and why (已脱敏 for a masked one).
         */
        get: operations["export_xlsx_v1_exports_tickets_xlsx_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/hotline/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A 12345 hotline case becomes a ticket (idempotent on its case number)
         * @description 201 with the new ticket; 200 with the same ticket when the case number was pushed before (whatever else the second push says). The caller's API key must hold intake:hotline:push over the place.
         */
        post: operations["push_case_v1_hotline_cases_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/hotspots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Buildings with repeated tickets of one category, and categories on the rise */
        get: operations["get_hotspots_v1_hotspots_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/hotspots/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** File a proactive task (source patrol) at a hotspot's building or unit door */
        post: operations["create_task_v1_hotspots_tasks_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My reports and the ones I follow, newest first (a resident's sign-in needed)
         * @description Reports filed and "+1"s made while signed in with this phone number, on any phone; each with the token that opens it on /v1/track. Anyone else: 403.
         */
        get: operations["my_tickets_v1_me_tickets_get"];
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
         * Upload a photo or a short video (no sign-in needed); name its id in a report
         * @description multipart/form-data with the field `file`. Checked by its content, whatever its name or declared type: JPEG, PNG, WebP or HEIC images up to 10 MB (re-encoded as JPEG without EXIF/GPS, at most 2560 px, with a thumbnail), MP4, MOV or WebM videos up to 30 MB. Unused uploads are deleted after 24 hours.
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
    "/v1/referrals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Referrals of the tickets in your places (the agency's, or staff's) */
        get: operations["list_referrals_v1_referrals_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/referrals/{referral_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One referral with its package (photos as signed links) */
        get: operations["get_referral_v1_referrals__referral_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/referrals/{referral_id}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The agency answers: received, accepted or declined, concluded */
        post: operations["answer_referral_v1_referrals__referral_id__answer_post"];
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
         * The three rates and the figures behind them, for a place and a period
         * @description Definitions: the module docstring of services/intake/statistics.py. Each rate comes with its numerator and denominator; a rate is null when its denominator is 0.
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
    "/v1/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The inbox: tickets in your places
         * @description Polled by the console: send the ETag back in If-None-Match for a 304.
         */
        get: operations["inbox_v1_tickets_get"];
        put?: never;
        /** Report a problem from a unit door's QR code (no sign-in needed) */
        post: operations["submit_ticket_v1_tickets_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/similar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open reports of one category at the scanned building, to join instead of filing */
        get: operations["similar_tickets_v1_tickets_similar_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/{ticket_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One ticket with its trail */
        get: operations["get_ticket_v1_tickets__ticket_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/{ticket_id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge after calling the reporter back (or reading an anonymous report) */
        post: operations["acknowledge_v1_tickets__ticket_id__acknowledge_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/{ticket_id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign (or reassign) to a person, a team or a contractor (a work order) */
        post: operations["assign_v1_tickets__ticket_id__assign_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/{ticket_id}/duplicate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge into another open ticket */
        post: operations["duplicate_v1_tickets__ticket_id__duplicate_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/{ticket_id}/escalate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hand over to the street office or 12345 */
        post: operations["escalate_v1_tickets__ticket_id__escalate_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/{ticket_id}/follow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** +1: follow a neighbour's open report (a code of the same building is required) */
        post: operations["follow_ticket_v1_tickets__ticket_id__follow_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/{ticket_id}/referrals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send the ticket's evidence package to an enforcement agency
         * @description Place, times, description, the contractors' findings and the chosen media; never the reporter's name or phone.
         */
        post: operations["refer_v1_tickets__ticket_id__referrals_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/{ticket_id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject, with the reason */
        post: operations["reject_v1_tickets__ticket_id__reject_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/{ticket_id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reopen a resolved or closed ticket */
        post: operations["reopen_v1_tickets__ticket_id__reopen_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/{ticket_id}/reporter-contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The reporter's name and phone in clear, to call them back (recorded on the trail) */
        post: operations["reporter_contact_v1_tickets__ticket_id__reporter_contact_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/{ticket_id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolved, with a note */
        post: operations["resolve_v1_tickets__ticket_id__resolve_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/{ticket_id}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The assignee starts work */
        post: operations["start_v1_tickets__ticket_id__start_post"];
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
    "/v1/track/{tracking_token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A report's progress, for its reporter or followers */
        get: operations["track_v1_track__tracking_token__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/track/{tracking_token}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The reporter confirms the fix */
        post: operations["confirm_v1_track__tracking_token__confirm_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/track/{tracking_token}/place": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where a tracked report is and the community office's phone
         * @description Asked once when the tracking page opens (not on every poll): the place's names, the office phone, and the hub of the door its holder scanned (the reporter's, or a follower's own). 503 when the directory does not answer; the page then shows the progress without it.
         */
        get: operations["track_place_v1_track__tracking_token__place_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/track/{tracking_token}/rate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The reporter rates the handling, once (1–5) */
        post: operations["rate_v1_track__tracking_token__rate_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/track/{tracking_token}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The reporter reopens within 7 days of resolution */
        post: operations["reopen_v1_track__tracking_token__reopen_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The active subscriptions in your places */
        get: operations["list_webhooks_v1_webhooks_get"];
        put?: never;
        /** Subscribe a url to the ticket events of a place (answers the secret once) */
        post: operations["create_webhook_v1_webhooks_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{webhook_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Stop a subscription (its undelivered events are dropped) */
        delete: operations["delete_webhook_v1_webhooks__webhook_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/work-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Work orders: a contractor's own organisation's; staff, those of tickets they read */
        get: operations["list_work_orders_v1_work_orders_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/work-orders/{order_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One work order: the problem, where, the report's photos, the order's trail
         * @description Never the reporter's name or phone.
         */
        get: operations["get_work_order_v1_work_orders__order_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/work-orders/{order_id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept the offered order */
        post: operations["accept_v1_work_orders__order_id__accept_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/work-orders/{order_id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Staff confirm the work: the ticket is resolved with the contractor's note */
        post: operations["confirm_v1_work_orders__order_id__confirm_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/work-orders/{order_id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline the offered order, with the reason (back to staff) */
        post: operations["decline_v1_work_orders__order_id__decline_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/work-orders/{order_id}/done": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark the work done: a note, photos after it (one at least) and before it */
        post: operations["done_v1_work_orders__order_id__done_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/work-orders/{order_id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report progress: a note and optional photos (uploaded first, POST /v1/media) */
        post: operations["progress_v1_work_orders__order_id__progress_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/work-orders/{order_id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Staff return the work, with the reason (back in progress) */
        post: operations["return_work_v1_work_orders__order_id__return_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/work-orders/{order_id}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start the work (the ticket goes in progress) */
        post: operations["start_v1_work_orders__order_id__start_post"];
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
        /** Acknowledge */
        Acknowledge: {
            /**
             * Internal Note
             * @description For staff only: never shown to the resident
             */
            internal_note?: string | null;
            /**
             * Note
             * @description A reply the resident reads on their tracking page
             */
            note?: string | null;
            /**
             * Outcome
             * @description The call-back's outcome, chosen by whoever called: nothing is assumed (anonymous: a report without a phone, read)
             * @enum {string}
             */
            outcome: "reached" | "not_reached" | "anonymous";
        };
        /** Assign */
        Assign: {
            /**
             * Assignee Kind
             * @enum {string}
             */
            assignee_kind: "staff" | "team" | "contractor";
            /**
             * Assignee Ref
             * @description A staff subject, a team, or an organisation id
             */
            assignee_ref: string;
            /**
             * Instructions
             * @description For a contractor: what the work order asks
             */
            instructions?: string | null;
            /** Note */
            note?: string | null;
        };
        /** BuildingHotspot */
        BuildingHotspot: {
            /** Building Code */
            building_code: string | null;
            /**
             * Building Id
             * Format: uuid
             */
            building_id: string;
            /** Building Name */
            building_name: string | null;
            /** Category */
            category: string;
            /** Community Code */
            community_code: string;
            /** Count */
            count: number;
            /**
             * Latest
             * Format: date-time
             */
            latest: string;
            /**
             * Numbers
             * @description The latest ticket numbers (a sample)
             */
            numbers: string[];
            /**
             * Open
             * @description Of them, still open
             */
            open: number;
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
        /** CategoryOut */
        CategoryOut: {
            /** Code */
            code: string;
            /**
             * Default Priority
             * @enum {string}
             */
            default_priority: "urgent" | "utility" | "normal" | "complex";
            /** Icon */
            icon: string;
            /** Name En */
            name_en: string;
            /** Name Zh */
            name_zh: string;
        };
        /**
         * CategorySettingIn
         * @description The place's own values for a category. Only the fields given change; a field given as
         *     null is inherited again (from the district, else the category).
         */
        CategorySettingIn: {
            /**
             * Active
             * @description false: residents here cannot report it
             */
            active?: boolean | null;
            /**
             * Deadline Minutes
             * @description Per priority, [respond within, resolve within] in minutes; priorities left out are inherited
             * @example {
             *       "urgent": [
             *         30,
             *         120
             *       ]
             *     }
             */
            deadline_minutes?: {
                [key: string]: [
                    number,
                    number
                ];
            } | null;
            /** @description Suggested to staff when they assign a new ticket */
            default_handler?: components["schemas"]["HandlerIn"] | null;
            /** Default Priority */
            default_priority?: ("urgent" | "utility" | "normal" | "complex") | null;
        };
        /**
         * CategorySettingOut
         * @description A category as tickets at the place get it, and where each value comes from.
         */
        CategorySettingOut: {
            /** Active */
            active: boolean;
            active_source: components["schemas"]["SettingSource"];
            /** Category */
            category: string;
            /**
             * Deadlines
             * @description Every priority, urgent first
             */
            deadlines: components["schemas"]["DeadlineOut"][];
            default_handler: components["schemas"]["SuggestedHandler"] | null;
            default_handler_source: components["schemas"]["SettingSource"];
            /**
             * Default Priority
             * @enum {string}
             */
            default_priority: "urgent" | "utility" | "normal" | "complex";
            default_priority_source: components["schemas"]["SettingSource"];
            /** Icon */
            icon: string;
            /** Name En */
            name_en: string;
            /** Name Zh */
            name_zh: string;
            /**
             * Set Here
             * @description The place has values of its own (DELETE removes them)
             */
            set_here: boolean;
            /**
             * Updated At
             * @description When this place's values last changed
             */
            updated_at: string | null;
            /** Updated By */
            updated_by: string | null;
        };
        /** CategorySettingsOut */
        CategorySettingsOut: {
            /**
             * Items
             * @description Every category, in display order
             */
            items: components["schemas"]["CategorySettingOut"][];
            place: components["schemas"]["PlaceOut"];
        };
        /** CommunityFigures */
        CommunityFigures: {
            /** Community Code */
            community_code: string;
            hotline_share: components["schemas"]["Ratio"];
            never_escalated_share: components["schemas"]["Ratio"];
            rates: components["schemas"]["ThreeRates"];
            reopen_rate: components["schemas"]["Ratio"];
            /**
             * Total
             * @description Reported in the period
             */
            total: number;
        };
        /** DeadlineOut */
        DeadlineOut: {
            /**
             * Priority
             * @enum {string}
             */
            priority: "urgent" | "utility" | "normal" | "complex";
            /** Resolve Minutes */
            resolve_minutes: number;
            /** Respond Minutes */
            respond_minutes: number;
            source: components["schemas"]["SettingSource"];
        };
        /** Done */
        Done: {
            /**
             * After Photo Ids
             * @description At least one: the evidence that the work is done
             */
            after_photo_ids?: string[];
            /** Before Photo Ids */
            before_photo_ids?: string[];
            /**
             * Note
             * @description What was found and done
             */
            note: string;
        };
        /** Duplicate */
        Duplicate: {
            /**
             * Duplicate Of
             * Format: uuid
             */
            duplicate_of: string;
            /** Note */
            note?: string | null;
        };
        /** Escalate */
        Escalate: {
            /**
             * Level
             * @enum {string}
             */
            level: "street" | "city_hotline";
            /** Note */
            note: string;
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
        /** EventOut */
        EventOut: {
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
            /** From Status */
            from_status: ("submitted" | "acknowledged" | "assigned" | "in_progress" | "resolved" | "closed" | "rejected" | "duplicate" | "escalated") | null;
            /** Note */
            note: string | null;
            /**
             * Photos
             * @description Photos taken at this step (a resolution's)
             */
            photos?: components["schemas"]["TicketPhoto"][];
            /**
             * To Status
             * @enum {string}
             */
            to_status: "submitted" | "acknowledged" | "assigned" | "in_progress" | "resolved" | "closed" | "rejected" | "duplicate" | "escalated";
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
        /** FollowIn */
        FollowIn: {
            /**
             * Code Token
             * @description A code of the same building, scanned by the follower
             */
            code_token: string;
        };
        /** Followed */
        Followed: {
            /** Followers */
            followers: number;
            /** Number */
            number: string;
            /**
             * Tracking Token
             * @description The follower's own token for GET /v1/track/{token}
             */
            tracking_token: string;
        };
        /** HandlerIn */
        HandlerIn: {
            /**
             * Kind
             * @enum {string}
             */
            kind: "team" | "contractor";
            /**
             * Name
             * @description A team's display name (default: its ref); a contractor's is identity's
             */
            name?: string | null;
            /**
             * Ref
             * @description A team's name, or a contractor organisation's id (identity)
             */
            ref: string;
        };
        /** HotlineCase */
        HotlineCase: {
            /**
             * Category
             * @example small_ads
             */
            category: string;
            /** Description */
            description: string;
            /**
             * External Id
             * @description The hotline's case number: a second push of it answers the same ticket
             * @example BJ12345-20260302-000123
             */
            external_id: string;
            /**
             * Place Code
             * @description A unit door, building or community code
             * @example TGYZL-03-2
             */
            place_code: string;
            /** Priority */
            priority?: ("urgent" | "utility" | "normal" | "complex") | null;
            /**
             * Received At
             * @description When the hotline took the call (kept on the ticket's trail)
             */
            received_at?: string | null;
            /** Reporter Name */
            reporter_name?: string | null;
            /**
             * Reporter Phone
             * @description The caller's mobile for the call-back (given to the hotline for that)
             * @example 13800138000
             */
            reporter_phone?: string | null;
        };
        /** HotlineTicket */
        HotlineTicket: {
            /** Category */
            category: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Due Resolve At
             * Format: date-time
             */
            due_resolve_at: string;
            /**
             * Due Respond At
             * Format: date-time
             */
            due_respond_at: string;
            /** External Id */
            external_id: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Number */
            number: string;
            /** Place Code */
            place_code: string;
            /**
             * Priority
             * @enum {string}
             */
            priority: "urgent" | "utility" | "normal" | "complex";
            /**
             * Status
             * @enum {string}
             */
            status: "submitted" | "acknowledged" | "assigned" | "in_progress" | "resolved" | "closed" | "rejected" | "duplicate" | "escalated";
        };
        /** Hotspots */
        Hotspots: {
            /** Buildings */
            buildings: components["schemas"]["BuildingHotspot"][];
            /** Days */
            days: number;
            /** Min Count */
            min_count: number;
            place: components["schemas"]["PlaceOut"] | null;
            /** Rising */
            rising: components["schemas"]["RisingCategory"][];
            /**
             * Since
             * Format: date-time
             */
            since: string;
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
        /** MedianMinutes */
        MedianMinutes: {
            /** Acknowledge */
            acknowledge: number | null;
            /** Resolve */
            resolve: number | null;
        };
        /**
         * MergedInto
         * @description A duplicate's reporter follows the ticket it was merged into, with this link.
         */
        MergedInto: {
            /** Number */
            number: string;
            /**
             * Status
             * @enum {string}
             */
            status: "submitted" | "acknowledged" | "assigned" | "in_progress" | "resolved" | "closed" | "rejected" | "duplicate" | "escalated";
            /**
             * Tracking Token
             * @description A follower's token: shows progress, no actions
             */
            tracking_token: string;
        };
        /**
         * MyTicket
         * @description One line of a signed-in resident's 我的反馈 (GET /v1/me/tickets).
         */
        MyTicket: {
            /** Category */
            category: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Excerpt */
            excerpt: string;
            /** Number */
            number: string;
            /**
             * Role
             * @enum {string}
             */
            role: "reporter" | "follower";
            /**
             * Status
             * @enum {string}
             */
            status: "submitted" | "acknowledged" | "assigned" | "in_progress" | "resolved" | "closed" | "rejected" | "duplicate" | "escalated";
            /**
             * Tracking Token
             * @description Opens GET /v1/track/{token}: the reporter's own token for their reports, their follower token for the ones they follow
             */
            tracking_token: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** Open311Error */
        Open311Error: {
            /** Code */
            code: number;
            /** Description */
            description: string;
        };
        /** OverdueNow */
        OverdueNow: {
            /**
             * As Of
             * Format: date-time
             */
            as_of: string;
            /**
             * Resolve
             * @description Still open past the resolution deadline
             */
            resolve: number;
            /**
             * Respond
             * @description Still submitted past the response deadline
             */
            respond: number;
        };
        /**
         * PackageFinding
         * @description A contractor's findings: the note it marked its work order done with.
         */
        PackageFinding: {
            /** After Media Ids */
            after_media_ids: string[];
            /** Before Media Ids */
            before_media_ids: string[];
            /**
             * Done At
             * Format: date-time
             */
            done_at: string;
            /** Note */
            note: string;
            /** Organisation */
            organisation: string;
            /**
             * Status
             * @enum {string}
             */
            status: "offered" | "accepted" | "declined" | "in_progress" | "done" | "confirmed" | "cancelled";
            /** Work Order */
            work_order: string;
        };
        /** PackageMedia */
        PackageMedia: {
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
            /** Purpose */
            purpose: string;
        };
        /** PackageTimes */
        PackageTimes: {
            /** Acknowledged At */
            acknowledged_at: string | null;
            /** Assigned At */
            assigned_at: string | null;
            /** Closed At */
            closed_at: string | null;
            /**
             * Due Resolve At
             * Format: date-time
             */
            due_resolve_at: string;
            /**
             * Due Respond At
             * Format: date-time
             */
            due_respond_at: string;
            /** Escalated At */
            escalated_at: string | null;
            /**
             * Reported At
             * Format: date-time
             */
            reported_at: string;
            /** Resolved At */
            resolved_at: string | null;
        };
        /** Page[MyTicket] */
        Page_MyTicket_: {
            /** Items */
            items: components["schemas"]["MyTicket"][];
            /** Total */
            total: number;
        };
        /** Page[ReferralSummary] */
        Page_ReferralSummary_: {
            /** Items */
            items: components["schemas"]["ReferralSummary"][];
            /** Total */
            total: number;
        };
        /** Page[TicketSummary] */
        Page_TicketSummary_: {
            /** Items */
            items: components["schemas"]["TicketSummary"][];
            /** Total */
            total: number;
        };
        /** Page[WorkOrderSummary] */
        Page_WorkOrderSummary_: {
            /** Items */
            items: components["schemas"]["WorkOrderSummary"][];
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
        /** PlaceName */
        PlaceName: {
            /** Code */
            code: string;
            /** Kind */
            kind: string;
            /** Name */
            name: string;
        };
        /** PlaceOut */
        PlaceOut: {
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
        /**
         * ProactiveTask
         * @description 未诉先办: a task staff file at a hotspot before the next complaint comes.
         */
        ProactiveTask: {
            /**
             * Category
             * @example small_ads
             */
            category: string;
            /** Description */
            description?: string | null;
            /** Place Code */
            place_code: string;
            /** Priority */
            priority?: ("urgent" | "utility" | "normal" | "complex") | null;
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
        /** Progress */
        Progress: {
            /** Note */
            note: string;
            /** Photo Ids */
            photo_ids?: string[];
        };
        /** Rate */
        Rate: {
            /** Comment */
            comment?: string | null;
            /** Rating */
            rating: number;
        };
        /** Ratio */
        Ratio: {
            /** D */
            d: number;
            /** N */
            n: number;
            /**
             * Rate
             * @description n / d, rounded to 4 places; null when d is 0
             */
            rate: number | null;
        };
        /** Reason */
        Reason: {
            /** Reason */
            reason: string;
        };
        /** ReferralAnswer */
        ReferralAnswer: {
            /**
             * Agency Reference
             * @description The agency's own case number
             */
            agency_reference?: string | null;
            /**
             * Outcome
             * @description Required when declining or concluding
             */
            outcome?: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "received" | "accepted" | "declined" | "concluded";
        };
        /** ReferralIn */
        ReferralIn: {
            /**
             * Agency
             * @example 观音寺街道综合执法队
             */
            agency: string;
            /**
             * Media Ids
             * @description Which of the ticket's photos and videos to send; default: the report's and the contractors' evidence
             */
            media_ids?: string[] | null;
            /** Note */
            note?: string | null;
        };
        /** ReferralOut */
        ReferralOut: {
            /** Agency */
            agency: string;
            /** Agency Reference */
            agency_reference: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Note */
            note: string | null;
            /**
             * Number
             * @example GYSNL-2026-000001-R1
             */
            number: string;
            /** Outcome */
            outcome: string | null;
            package: components["schemas"]["ReferralPackage"];
            /**
             * Photos
             * @description The package's media still stored, behind signed links that expire
             */
            photos: components["schemas"]["TicketPhoto"][];
            /**
             * Sent At
             * Format: date-time
             */
            sent_at: string;
            /**
             * Status
             * @enum {string}
             */
            status: "sent" | "received" | "accepted" | "declined" | "concluded";
            /**
             * Ticket Id
             * Format: uuid
             */
            ticket_id: string;
            /** Ticket Number */
            ticket_number: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /**
         * ReferralPackage
         * @description The snapshot sent to the agency: what, where, when, the findings, the evidence. Never
         *     the reporter's name or phone.
         */
        ReferralPackage: {
            /**
             * Address
             * @description From the district down to the unit door
             */
            address: components["schemas"]["PlaceName"][];
            /** Category */
            category: string;
            /**
             * Description
             * @description Long digit runs (phone numbers) blanked
             */
            description: string;
            /** Findings */
            findings: components["schemas"]["PackageFinding"][];
            /** Media */
            media: components["schemas"]["PackageMedia"][];
            /** Place Code */
            place_code: string;
            /**
             * Prepared At
             * Format: date-time
             */
            prepared_at: string;
            /**
             * Priority
             * @enum {string}
             */
            priority: "urgent" | "utility" | "normal" | "complex";
            /** Ticket Number */
            ticket_number: string;
            times: components["schemas"]["PackageTimes"];
        };
        /** ReferralSummary */
        ReferralSummary: {
            /** Agency */
            agency: string;
            /** Agency Reference */
            agency_reference: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Number
             * @example GYSNL-2026-000001-R1
             */
            number: string;
            /**
             * Sent At
             * Format: date-time
             */
            sent_at: string;
            /**
             * Status
             * @enum {string}
             */
            status: "sent" | "received" | "accepted" | "declined" | "concluded";
            /** Ticket Number */
            ticket_number: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /**
         * ReporterContactOut
         * @description The reporter's contact in clear, for the call-back (recorded on the trail).
         */
        ReporterContactOut: {
            /** Name */
            name: string | null;
            /** Phone */
            phone: string | null;
        };
        /** ResolutionRate */
        ResolutionRate: {
            /** Finished */
            finished: number;
            /**
             * Rate
             * @description resolved_not_reopened / finished
             */
            rate: number | null;
            /** Resolved Not Reopened */
            resolved_not_reopened: number;
        };
        /** Resolve */
        Resolve: {
            /** Note */
            note: string;
            /**
             * Photo Ids
             * @description Images of the fix, uploaded first
             */
            photo_ids?: string[];
        };
        /** ResponseRate */
        ResponseRate: {
            /** Due */
            due: number;
            /** On Time */
            on_time: number;
            /**
             * Rate
             * @description on_time / due; null when due is 0
             */
            rate: number | null;
        };
        /** RisingCategory */
        RisingCategory: {
            /** Category */
            category: string;
            /** Community Code */
            community_code: string;
            /**
             * Community Id
             * Format: uuid
             */
            community_id: string;
            /**
             * Count
             * @description In the last `days` days
             */
            count: number;
            /**
             * Previous
             * @description In the `days` days before those
             */
            previous: number;
            /**
             * Ratio
             * @description count / previous; null when previous is 0
             */
            ratio: number | null;
        };
        /** SatisfactionRate */
        SatisfactionRate: {
            /**
             * Rate
             * @description satisfied (4-5) / rated
             */
            rate: number | null;
            /** Rated */
            rated: number;
            /** Satisfied */
            satisfied: number;
        };
        /** SettingSource */
        SettingSource: {
            /**
             * Origin
             * @description Set at this place, inherited from a place above, or the category's own (deadlines: DOMAIN.md's table)
             * @enum {string}
             */
            origin: "here" | "inherited" | "default";
            /**
             * Place Id
             * @description The place whose setting gives the value
             */
            place_id: string | null;
        };
        /**
         * SimilarTicket
         * @description What a neighbour may see of someone else's report: nothing that names anyone.
         */
        SimilarTicket: {
            /** Category */
            category: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Excerpt */
            excerpt: string;
            /** Followers */
            followers: number;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Status
             * @enum {string}
             */
            status: "submitted" | "acknowledged" | "assigned" | "in_progress" | "resolved" | "closed" | "rejected" | "duplicate" | "escalated";
            /**
             * Where
             * @enum {string}
             */
            where: "unit" | "building";
        };
        /**
         * StaffEventOut
         * @description A step of the trail as staff see it.
         */
        StaffEventOut: {
            /** Action */
            action: string;
            /** Actor */
            actor: string;
            /**
             * Actor Kind
             * @description staff, contractor, client, resident, device or system
             */
            actor_kind?: string | null;
            /**
             * Actor Name
             * @description The name the actor's token carried then
             */
            actor_name?: string | null;
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Detail */
            detail: {
                [key: string]: unknown;
            };
            /** From Status */
            from_status: ("submitted" | "acknowledged" | "assigned" | "in_progress" | "resolved" | "closed" | "rejected" | "duplicate" | "escalated") | null;
            /**
             * Internal Note
             * @description The office's own note
             */
            internal_note?: string | null;
            /** Note */
            note: string | null;
            /**
             * On Behalf Of
             * @description The resident staff acted for
             */
            on_behalf_of?: string | null;
            /**
             * Photos
             * @description Photos taken at this step (a resolution's)
             */
            photos?: components["schemas"]["TicketPhoto"][];
            /**
             * Reason
             * @description Why staff acted for the resident
             */
            reason?: string | null;
            /**
             * To Status
             * @enum {string}
             */
            to_status: "submitted" | "acknowledged" | "assigned" | "in_progress" | "resolved" | "closed" | "rejected" | "duplicate" | "escalated";
        };
        /** Statistics */
        Statistics: {
            /** By Community */
            by_community: components["schemas"]["CommunityFigures"][];
            counts: components["schemas"]["TicketCounts"];
            /**
             * From
             * Format: date
             * @description First Beijing day of the period
             */
            from: string;
            hotline_share: components["schemas"]["Ratio"];
            median_minutes: components["schemas"]["MedianMinutes"];
            /** @description Settled in the community, not escalated */
            never_escalated_share: components["schemas"]["Ratio"];
            overdue: components["schemas"]["OverdueNow"];
            /** @description Null: the whole tree */
            place: components["schemas"]["PlaceOut"] | null;
            rates: components["schemas"]["ThreeRates"];
            reopen_rate: components["schemas"]["Ratio"];
            /**
             * To
             * Format: date
             * @description Last Beijing day of the period (inclusive)
             */
            to: string;
            /** Weekly */
            weekly: components["schemas"]["WeekTrend"][];
        };
        /** Submitted */
        Submitted: {
            /**
             * Due Respond At
             * Format: date-time
             */
            due_respond_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Number */
            number: string;
            /**
             * Status
             * @enum {string}
             */
            status: "submitted" | "acknowledged" | "assigned" | "in_progress" | "resolved" | "closed" | "rejected" | "duplicate" | "escalated";
            /**
             * Tracking Token
             * @description Keep it: it is the only way to follow the report
             */
            tracking_token: string;
        };
        /**
         * SuggestedHandler
         * @description A category's default handler at the ticket's place when it was filed: a suggestion
         *     that pre-fills the assign dialog, never an assignment.
         */
        SuggestedHandler: {
            /**
             * Kind
             * @enum {string}
             */
            kind: "team" | "contractor";
            /** Name */
            name: string;
            /**
             * Ref
             * @description The team's name, or the organisation's id (identity)
             */
            ref: string;
        };
        /** ThreeRates */
        ThreeRates: {
            resolution: components["schemas"]["ResolutionRate"];
            response: components["schemas"]["ResponseRate"];
            satisfaction: components["schemas"]["SatisfactionRate"];
        };
        /**
         * TicketCounts
         * @description Tickets reported in the period, by their status now and by what they were filed as.
         */
        TicketCounts: {
            /** By Category */
            by_category: {
                [key: string]: number;
            };
            /** By Priority */
            by_priority: {
                [key: string]: number;
            };
            /** By Source */
            by_source: {
                [key: string]: number;
            };
            /** By Status */
            by_status: {
                [key: string]: number;
            };
            /** Total */
            total: number;
        };
        /** TicketDetail */
        TicketDetail: {
            /** Acknowledged At */
            acknowledged_at: string | null;
            /**
             * Allowed Actions
             * @description The moves the caller may make on the ticket now
             */
            allowed_actions?: string[];
            /** Assigned At */
            assigned_at: string | null;
            /** Assignee Kind */
            assignee_kind: string | null;
            /** Assignee Ref */
            assignee_ref: string | null;
            /** Category */
            category: string;
            /** Closed At */
            closed_at: string | null;
            /** Community Code */
            community_code: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Description */
            description: string;
            /**
             * Due Resolve At
             * Format: date-time
             */
            due_resolve_at: string;
            /**
             * Due Respond At
             * Format: date-time
             */
            due_respond_at: string;
            /** Duplicate Of Id */
            duplicate_of_id: string | null;
            /** Escalated At */
            escalated_at: string | null;
            /** Events */
            events: components["schemas"]["StaffEventOut"][];
            /** Excerpt */
            excerpt: string;
            /** Followers */
            followers: number;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Number */
            number: string;
            /** Overdue */
            overdue: boolean;
            /** Photos */
            photos: components["schemas"]["TicketPhoto"][];
            /** Place Code */
            place_code: string;
            /**
             * Place Name
             * @description The place as staff name it (3号楼 2单元); in the inbox only
             */
            place_name?: string | null;
            /** Place Path */
            place_path: string;
            /**
             * Priority
             * @enum {string}
             */
            priority: "urgent" | "utility" | "normal" | "complex";
            /** Rated At */
            rated_at: string | null;
            /** Rating */
            rating: number | null;
            /** Rating Comment */
            rating_comment: string | null;
            /**
             * Referrals
             * @description Evidence packages sent to enforcement
             */
            referrals?: components["schemas"]["ReferralSummary"][];
            /** Reopen Count */
            reopen_count: number;
            /**
             * Reporter Name
             * @description Masked
             */
            reporter_name: string | null;
            /**
             * Reporter Phone
             * @description Masked
             */
            reporter_phone: string | null;
            /** Resolved At */
            resolved_at: string | null;
            /** Source */
            source: string;
            /**
             * Status
             * @enum {string}
             */
            status: "submitted" | "acknowledged" | "assigned" | "in_progress" | "resolved" | "closed" | "rejected" | "duplicate" | "escalated";
            /** @description The category's default handler here, to pre-fill the assign dialog */
            suggested_handler?: components["schemas"]["SuggestedHandler"] | null;
            /**
             * Work Orders
             * @description Contractors' orders on it, the open one last
             */
            work_orders?: components["schemas"]["WorkOrderBrief"][];
        };
        /**
         * TicketPhoto
         * @description A photo or video of a ticket, behind signed links that expire (about an hour).
         */
        TicketPhoto: {
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
             * Purpose
             * @enum {string}
             */
            purpose: "report" | "resolution" | "evidence_before" | "evidence_after" | "progress";
            /**
             * Thumbnail Url
             * @description None for a video
             */
            thumbnail_url: string | null;
            /** Url */
            url: string;
        };
        /** TicketSubmit */
        TicketSubmit: {
            /**
             * Category
             * @example small_ads
             */
            category: string;
            /** Code Token */
            code_token: string;
            /**
             * Consent
             * @description Agreement to be called back; required when a phone is given
             * @default false
             */
            consent: boolean;
            /** Description */
            description: string;
            /**
             * Photo Ids
             * @description Up to 6 images uploaded first (POST /v1/media), in display order
             */
            photo_ids?: string[];
            /** Priority */
            priority?: ("urgent" | "utility" | "normal" | "complex") | null;
            /** Reporter Name */
            reporter_name?: string | null;
            /**
             * Reporter Phone
             * @example 13800138000
             */
            reporter_phone?: string | null;
            /**
             * Upload Keys
             * @description Each named upload's `upload_key`, as the upload's answer gave it: required for uploads made without signing in (no one else can attach them)
             */
            upload_keys?: {
                [key: string]: string;
            };
            /**
             * Video Id
             * @description One short video, uploaded first
             */
            video_id?: string | null;
        };
        /** TicketSummary */
        TicketSummary: {
            /** Assignee Kind */
            assignee_kind: string | null;
            /** Assignee Ref */
            assignee_ref: string | null;
            /** Category */
            category: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Due Resolve At
             * Format: date-time
             */
            due_resolve_at: string;
            /**
             * Due Respond At
             * Format: date-time
             */
            due_respond_at: string;
            /** Excerpt */
            excerpt: string;
            /**
             * Followers
             * @description Neighbours who said "+1 me too"
             * @default 0
             */
            followers: number;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Number */
            number: string;
            /** Overdue */
            overdue: boolean;
            /** Place Code */
            place_code: string;
            /**
             * Place Name
             * @description The place as staff name it (3号楼 2单元); in the inbox only
             */
            place_name?: string | null;
            /**
             * Priority
             * @enum {string}
             */
            priority: "urgent" | "utility" | "normal" | "complex";
            /**
             * Status
             * @enum {string}
             */
            status: "submitted" | "acknowledged" | "assigned" | "in_progress" | "resolved" | "closed" | "rejected" | "duplicate" | "escalated";
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
         * TrackedPlace
         * @description Where a tracked report is and whom to call: what leads a resident home from a link
         *     opened on its own. Names and the office's phone only: no staff, no other residents.
         */
        TrackedPlace: {
            /** Building */
            building: string | null;
            /** Community */
            community: string | null;
            /**
             * Hub Token
             * @description The door code this link's holder scanned (their building's hub, /q/<token>): the reporter's for the reporter's link, the follower's own door for a follower's; null where none was scanned (a hotline or Open311 report)
             */
            hub_token: string | null;
            /**
             * Office Phone
             * @description The community office's phone (tel: link)
             */
            office_phone: string | null;
            /** Place Code */
            place_code: string;
            /** Unit */
            unit: string | null;
        };
        /** TrackedTicket */
        TrackedTicket: {
            /** Category */
            category: string;
            /** Closed At */
            closed_at: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Description */
            description: string;
            /**
             * Due Resolve At
             * Format: date-time
             */
            due_resolve_at: string;
            /**
             * Due Respond At
             * Format: date-time
             */
            due_respond_at: string;
            /** Events */
            events: components["schemas"]["EventOut"][];
            /** Followers */
            followers: number;
            /**
             * Is Reporter
             * @description False for a follower's token: no rate or reopen
             */
            is_reporter: boolean;
            /** @description For a report merged as a duplicate: the ticket to follow instead */
            merged_into?: components["schemas"]["MergedInto"] | null;
            /** Number */
            number: string;
            /**
             * Photos
             * @description The report's and the resolution's; none for a follower's token
             */
            photos: components["schemas"]["TicketPhoto"][];
            /** Place Code */
            place_code: string;
            /**
             * Priority
             * @enum {string}
             */
            priority: "urgent" | "utility" | "normal" | "complex";
            /** Rating */
            rating: number | null;
            /** Reopen Count */
            reopen_count: number;
            /**
             * Reporter Phone
             * @description Masked: 138****1234
             */
            reporter_phone: string | null;
            /** Resolved At */
            resolved_at: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "submitted" | "acknowledged" | "assigned" | "in_progress" | "resolved" | "closed" | "rejected" | "duplicate" | "escalated";
        };
        /** WebhookCreate */
        WebhookCreate: {
            /**
             * Name
             * @example 天宫院街道 12345 对接
             */
            name: string;
            /**
             * Place Id
             * Format: uuid
             * @description The directory place covered (with all below it)
             */
            place_id: string;
            /** Topics */
            topics: ("ticket.created" | "ticket.status_changed")[];
            /**
             * Url
             * @example https://office.example/hooks
             */
            url: string;
        };
        /** WebhookCreated */
        WebhookCreated: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Created By */
            created_by: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
            /** Scope Path */
            scope_path: string;
            /**
             * Scope Place Id
             * Format: uuid
             */
            scope_place_id: string;
            /**
             * Secret
             * @description The signing secret: shown only now, keep it safe
             */
            secret: string;
            /** Topics */
            topics: string[];
            /** Url */
            url: string;
        };
        /** WebhookOut */
        WebhookOut: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Created By */
            created_by: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
            /** Scope Path */
            scope_path: string;
            /**
             * Scope Place Id
             * Format: uuid
             */
            scope_place_id: string;
            /** Topics */
            topics: string[];
            /** Url */
            url: string;
        };
        /** WeekTrend */
        WeekTrend: {
            /** Rated */
            rated: number;
            /** Reported */
            reported: number;
            /** Resolved */
            resolved: number;
            /** Responded On Time */
            responded_on_time: number;
            /** Response Due */
            response_due: number;
            /** Satisfied */
            satisfied: number;
            /**
             * Starts On
             * Format: date
             */
            starts_on: string;
            /**
             * Week
             * @description ISO week, Beijing time
             * @example 2026-W10
             */
            week: string;
        };
        /**
         * WorkNote
         * @description Accepting or confirming, with an optional word.
         */
        WorkNote: {
            /** Note */
            note?: string | null;
        };
        /**
         * WorkOrderBrief
         * @description A work order as staff see it in the ticket's detail.
         */
        WorkOrderBrief: {
            /** Accepted At */
            accepted_at: string | null;
            /** Cancelled At */
            cancelled_at: string | null;
            /** Confirmed At */
            confirmed_at: string | null;
            /** Declined At */
            declined_at: string | null;
            /** Done At */
            done_at: string | null;
            /** Events */
            events: components["schemas"]["WorkOrderEventOut"][];
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Instructions */
            instructions: string | null;
            /**
             * Number
             * @example GYSNL-2026-000001-W1
             */
            number: string;
            /**
             * Offered At
             * Format: date-time
             */
            offered_at: string;
            /**
             * Organisation Id
             * Format: uuid
             */
            organisation_id: string;
            /** Organisation Name */
            organisation_name: string;
            /** Return Count */
            return_count: number;
            /** Started At */
            started_at: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "offered" | "accepted" | "declined" | "in_progress" | "done" | "confirmed" | "cancelled";
        };
        /** WorkOrderEventOut */
        WorkOrderEventOut: {
            /** Action */
            action: string;
            /**
             * Actor
             * @description Contractors see the side only: 'staff' or 'contractor'
             */
            actor: string;
            /**
             * Actor Kind
             * @description staff, contractor, client, resident, device or system
             */
            actor_kind?: string | null;
            /**
             * Actor Name
             * @description The name the actor's token carried then
             */
            actor_name?: string | null;
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Detail */
            detail: {
                [key: string]: unknown;
            };
            /** From Status */
            from_status: ("offered" | "accepted" | "declined" | "in_progress" | "done" | "confirmed" | "cancelled") | null;
            /**
             * Internal Note
             * @description The office's own note
             */
            internal_note?: string | null;
            /** Note */
            note: string | null;
            /**
             * On Behalf Of
             * @description The resident staff acted for
             */
            on_behalf_of?: string | null;
            /**
             * Photos
             * @description Taken at this step
             */
            photos?: components["schemas"]["TicketPhoto"][];
            /**
             * Reason
             * @description Why staff acted for the resident
             */
            reason?: string | null;
            /**
             * To Status
             * @enum {string}
             */
            to_status: "offered" | "accepted" | "declined" | "in_progress" | "done" | "confirmed" | "cancelled";
        };
        /** WorkOrderOut */
        WorkOrderOut: {
            /** Accepted At */
            accepted_at: string | null;
            /**
             * Allowed Actions
             * @description What the caller may do to the order now
             */
            allowed_actions?: string[];
            /** Cancelled At */
            cancelled_at: string | null;
            /** Confirmed At */
            confirmed_at: string | null;
            /** Declined At */
            declined_at: string | null;
            /** Done At */
            done_at: string | null;
            /** Events */
            events: components["schemas"]["WorkOrderEventOut"][];
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Instructions */
            instructions: string | null;
            /** Number */
            number: string;
            /**
             * Offered At
             * Format: date-time
             */
            offered_at: string;
            /**
             * Organisation Id
             * Format: uuid
             */
            organisation_id: string;
            /** Organisation Name */
            organisation_name: string;
            /** Return Count */
            return_count: number;
            /** Started At */
            started_at: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "offered" | "accepted" | "declined" | "in_progress" | "done" | "confirmed" | "cancelled";
            ticket: components["schemas"]["WorkOrderTicket"];
        };
        /** WorkOrderSummary */
        WorkOrderSummary: {
            /** Category */
            category: string;
            /**
             * Due Resolve At
             * Format: date-time
             */
            due_resolve_at: string;
            /** Excerpt */
            excerpt: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Number */
            number: string;
            /**
             * Offered At
             * Format: date-time
             */
            offered_at: string;
            /** Organisation Name */
            organisation_name: string;
            /** Place Code */
            place_code: string;
            /**
             * Priority
             * @enum {string}
             */
            priority: "urgent" | "utility" | "normal" | "complex";
            /**
             * Status
             * @enum {string}
             */
            status: "offered" | "accepted" | "declined" | "in_progress" | "done" | "confirmed" | "cancelled";
            /** Ticket Number */
            ticket_number: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /**
         * WorkOrderTicket
         * @description What a contractor sees of the ticket: the problem and where, never who reported it.
         */
        WorkOrderTicket: {
            /**
             * Address
             * @description Community, building, unit door (top first)
             */
            address: components["schemas"]["PlaceName"][];
            /** Category */
            category: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Description
             * @description Long digit runs (phone numbers) blanked
             */
            description: string;
            /**
             * Due Resolve At
             * Format: date-time
             */
            due_resolve_at: string;
            /** Number */
            number: string;
            /**
             * Photos
             * @description The report's photos and video
             */
            photos: components["schemas"]["TicketPhoto"][];
            /** Place Code */
            place_code: string;
            /**
             * Priority
             * @enum {string}
             */
            priority: "urgent" | "utility" | "normal" | "complex";
            /**
             * Status
             * @enum {string}
             */
            status: "submitted" | "acknowledged" | "assigned" | "in_progress" | "resolved" | "closed" | "rejected" | "duplicate" | "escalated";
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
    discovery_open311_v2_discovery__fmt__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
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
                    "application/json": unknown;
                };
            };
            /** @description Open311 errors: [{code, description}] (XML: <errors><error>...) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311Error"][];
                    "text/xml": unknown;
                };
            };
        };
    };
    list_requests_open311_v2_requests__fmt__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
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
                    "application/json": unknown;
                };
            };
            /** @description Open311 errors: [{code, description}] (XML: <errors><error>...) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311Error"][];
                    "text/xml": unknown;
                };
            };
        };
    };
    post_request_open311_v2_requests__fmt__post: {
        parameters: {
            query?: never;
            header?: {
                /** @description A random UUID per intended write; resend it on retries. */
                "Idempotency-Key"?: string | null;
            };
            path: {
                fmt: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    /** @description Echoed in the answer */
                    account_id?: string;
                    /**
                     * @description A community, building or unit door code
                     * @example TGYZL-03-2
                     */
                    address_id?: string;
                    /**
                     * @description A place code, or 社区 楼 单元 as people write it (3号楼, 3栋, 3#, 2门)
                     * @example 天宫院中里社区3号楼2单元
                     */
                    address_string?: string;
                    /** @description Holds intake:open311:submit */
                    api_key: string;
                    description?: string;
                    /** @description Not kept */
                    device_id?: string;
                    /** @description Not kept */
                    email?: string;
                    first_name?: string;
                    /** @description Ignored: one jurisdiction */
                    jurisdiction_id?: string;
                    last_name?: string;
                    /** @description WGS-84 (not GCJ-02): placed at the nearest building within 150 m */
                    lat?: number;
                    /** @description WGS-84 (not GCJ-02) */
                    long?: number;
                    /** Format: uri */
                    media_url?: string;
                    /** @description The reporter's mobile, for the call-back */
                    phone?: string;
                    /** @example small_ads */
                    service_code: string;
                };
                "multipart/form-data": {
                    /** @description Echoed in the answer */
                    account_id?: string;
                    /**
                     * @description A community, building or unit door code
                     * @example TGYZL-03-2
                     */
                    address_id?: string;
                    /**
                     * @description A place code, or 社区 楼 单元 as people write it (3号楼, 3栋, 3#, 2门)
                     * @example 天宫院中里社区3号楼2单元
                     */
                    address_string?: string;
                    /** @description Holds intake:open311:submit */
                    api_key: string;
                    description?: string;
                    /** @description Not kept */
                    device_id?: string;
                    /** @description Not kept */
                    email?: string;
                    first_name?: string;
                    /** @description Ignored: one jurisdiction */
                    jurisdiction_id?: string;
                    last_name?: string;
                    /** @description WGS-84 (not GCJ-02): placed at the nearest building within 150 m */
                    lat?: number;
                    /** @description WGS-84 (not GCJ-02) */
                    long?: number;
                    /** Format: uri */
                    media_url?: string;
                    /** @description The reporter's mobile, for the call-back */
                    phone?: string;
                    /** @example small_ads */
                    service_code: string;
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
                    "application/json": unknown;
                };
            };
            /** @description Open311 errors: [{code, description}] (XML: <errors><error>...) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311Error"][];
                    "text/xml": unknown;
                };
            };
        };
    };
    get_request_open311_v2_requests__service_request_id___fmt__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                service_request_id: string;
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
                    "application/json": unknown;
                };
            };
            /** @description Open311 errors: [{code, description}] (XML: <errors><error>...) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311Error"][];
                    "text/xml": unknown;
                };
            };
        };
    };
    list_services_open311_v2_services__fmt__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
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
                    "application/json": unknown;
                };
            };
            /** @description Open311 errors: [{code, description}] (XML: <errors><error>...) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311Error"][];
                    "text/xml": unknown;
                };
            };
        };
    };
    get_service_definition_open311_v2_services__service_code___fmt__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                service_code: string;
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
                    "application/json": unknown;
                };
            };
            /** @description Open311 errors: [{code, description}] (XML: <errors><error>...) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311Error"][];
                    "text/xml": unknown;
                };
            };
        };
    };
    get_token_open311_v2_tokens__token___fmt__get: {
        parameters: {
            query?: never;
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
                    "application/json": unknown;
                };
            };
            /** @description Open311 errors: [{code, description}] (XML: <errors><error>...) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311Error"][];
                    "text/xml": unknown;
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
    list_categories_v1_categories_get: {
        parameters: {
            query?: {
                code_token?: string | null;
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
                    "application/json": components["schemas"]["CategoryOut"][];
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
    list_settings_v1_category_settings_get: {
        parameters: {
            query: {
                /** @description A street office or the district (a directory place id) */
                place_id: string;
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
                    "application/json": components["schemas"]["CategorySettingsOut"];
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
    put_setting_v1_category_settings__category__put: {
        parameters: {
            query: {
                /** @description A street office or the district (a directory place id) */
                place_id: string;
            };
            header?: never;
            path: {
                category: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CategorySettingIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CategorySettingOut"];
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
    delete_setting_v1_category_settings__category__delete: {
        parameters: {
            query: {
                /** @description A street office or the district (a directory place id) */
                place_id: string;
            };
            header?: never;
            path: {
                category: string;
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
    export_csv_v1_exports_tickets_csv_get: {
        parameters: {
            query?: {
                status?: ("submitted" | "acknowledged" | "assigned" | "in_progress" | "resolved" | "closed" | "rejected" | "duplicate" | "escalated") | null;
                category?: string | null;
                priority?: ("urgent" | "utility" | "normal" | "complex") | null;
                /** @description Past a deadline and still open */
                overdue?: boolean | null;
                source?: ("qr" | "patrol" | "hotline" | "contractor" | "staff") | null;
                /** @description A building's code (TGYZL-03); any place code works: tickets under it */
                building?: string | null;
                /** @description Open, its next deadline before midnight in Beijing */
                due_today?: boolean | null;
                /** @description First Beijing day reported */
                created_from?: string | null;
                /** @description Last Beijing day, inclusive */
                created_to?: string | null;
                /** @description Contact details in clear: needs identity:personal:reveal over every ticket in the export, and a reason (header X-Export-Reason) */
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
    export_xlsx_v1_exports_tickets_xlsx_get: {
        parameters: {
            query?: {
                status?: ("submitted" | "acknowledged" | "assigned" | "in_progress" | "resolved" | "closed" | "rejected" | "duplicate" | "escalated") | null;
                category?: string | null;
                priority?: ("urgent" | "utility" | "normal" | "complex") | null;
                /** @description Past a deadline and still open */
                overdue?: boolean | null;
                source?: ("qr" | "patrol" | "hotline" | "contractor" | "staff") | null;
                /** @description A building's code (TGYZL-03); any place code works: tickets under it */
                building?: string | null;
                /** @description Open, its next deadline before midnight in Beijing */
                due_today?: boolean | null;
                /** @description First Beijing day reported */
                created_from?: string | null;
                /** @description Last Beijing day, inclusive */
                created_to?: string | null;
                /** @description Contact details in clear: needs identity:personal:reveal over every ticket in the export, and a reason (header X-Export-Reason) */
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
    push_case_v1_hotline_cases_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HotlineCase"];
            };
        };
        responses: {
            /** @description Pushed before: the same ticket */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HotlineTicket"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HotlineTicket"];
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
    get_hotspots_v1_hotspots_get: {
        parameters: {
            query?: {
                /** @description A community, street or district; default: your widest place */
                place_id?: string | null;
                /** @description The window, in days */
                days?: number;
                /** @description Tickets that make one */
                min_count?: number;
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
                    "application/json": components["schemas"]["Hotspots"];
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
    create_task_v1_hotspots_tasks_post: {
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
                "application/json": components["schemas"]["ProactiveTask"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketSummary"];
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
    my_tickets_v1_me_tickets_get: {
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
                    "application/json": components["schemas"]["Page_MyTicket_"];
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
    list_referrals_v1_referrals_get: {
        parameters: {
            query?: {
                status?: ("sent" | "received" | "accepted" | "declined" | "concluded") | null;
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
                    "application/json": components["schemas"]["Page_ReferralSummary_"];
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
    get_referral_v1_referrals__referral_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                referral_id: string;
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
                    "application/json": components["schemas"]["ReferralOut"];
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
    answer_referral_v1_referrals__referral_id__answer_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                referral_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReferralAnswer"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferralOut"];
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
                /** @description A community, street or district; default: your widest place */
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
                    "application/json": components["schemas"]["Statistics"];
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
    inbox_v1_tickets_get: {
        parameters: {
            query?: {
                status?: ("submitted" | "acknowledged" | "assigned" | "in_progress" | "resolved" | "closed" | "rejected" | "duplicate" | "escalated") | null;
                category?: string | null;
                priority?: ("urgent" | "utility" | "normal" | "complex") | null;
                /** @description Past a deadline and still open */
                overdue?: boolean | null;
                source?: ("qr" | "patrol" | "hotline" | "contractor" | "staff") | null;
                /** @description A building's code (TGYZL-03); any place code works: tickets under it */
                building?: string | null;
                /** @description Open, its next deadline before midnight in Beijing, not yet passed */
                due_today?: boolean | null;
                /** @description pending: 待受理 first, then open by deadline; -x reverses x */
                sort?: "pending" | "created" | "-created" | "due" | "-due" | "number" | "-number" | "place" | "-place" | "category" | "-category" | "status" | "-status" | "assignee" | "-assignee";
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
                    "application/json": components["schemas"]["Page_TicketSummary_"];
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
    submit_ticket_v1_tickets_post: {
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
                "application/json": components["schemas"]["TicketSubmit"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Submitted"];
                };
            };
            /** @description Too many anonymous reports from this phone or door */
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
    similar_tickets_v1_tickets_similar_get: {
        parameters: {
            query: {
                code_token: string;
                category: string;
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
                    "application/json": components["schemas"]["SimilarTicket"][];
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
    get_ticket_v1_tickets__ticket_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ticket_id: string;
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
                    "application/json": components["schemas"]["TicketDetail"];
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
    acknowledge_v1_tickets__ticket_id__acknowledge_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ticket_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Acknowledge"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetail"];
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
    assign_v1_tickets__ticket_id__assign_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ticket_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Assign"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetail"];
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
    duplicate_v1_tickets__ticket_id__duplicate_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ticket_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Duplicate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetail"];
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
    escalate_v1_tickets__ticket_id__escalate_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ticket_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Escalate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetail"];
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
    follow_ticket_v1_tickets__ticket_id__follow_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description A random UUID per intended write; resend it on retries. */
                "Idempotency-Key"?: string | null;
            };
            path: {
                ticket_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FollowIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Followed"];
                };
            };
            /** @description Too many anonymous +1s from this phone or door */
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
    refer_v1_tickets__ticket_id__referrals_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ticket_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReferralIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferralOut"];
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
    reject_v1_tickets__ticket_id__reject_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ticket_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Reason"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetail"];
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
    reopen_v1_tickets__ticket_id__reopen_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ticket_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Reason"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetail"];
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
    reporter_contact_v1_tickets__ticket_id__reporter_contact_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ticket_id: string;
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
                    "application/json": components["schemas"]["ReporterContactOut"];
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
    resolve_v1_tickets__ticket_id__resolve_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ticket_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Resolve"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetail"];
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
    start_v1_tickets__ticket_id__start_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ticket_id: string;
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
                    "application/json": components["schemas"]["TicketDetail"];
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
    track_v1_track__tracking_token__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tracking_token: string;
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
                    "application/json": components["schemas"]["TrackedTicket"];
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
    confirm_v1_track__tracking_token__confirm_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tracking_token: string;
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
                    "application/json": components["schemas"]["TrackedTicket"];
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
    track_place_v1_track__tracking_token__place_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tracking_token: string;
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
                    "application/json": components["schemas"]["TrackedPlace"];
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
    rate_v1_track__tracking_token__rate_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tracking_token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Rate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrackedTicket"];
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
    reopen_v1_track__tracking_token__reopen_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tracking_token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Reason"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrackedTicket"];
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
    list_webhooks_v1_webhooks_get: {
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
                    "application/json": components["schemas"]["WebhookOut"][];
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
    create_webhook_v1_webhooks_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookCreated"];
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
    delete_webhook_v1_webhooks__webhook_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
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
    list_work_orders_v1_work_orders_get: {
        parameters: {
            query?: {
                status?: ("offered" | "accepted" | "declined" | "in_progress" | "done" | "confirmed" | "cancelled") | null;
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
                    "application/json": components["schemas"]["Page_WorkOrderSummary_"];
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
    get_work_order_v1_work_orders__order_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                order_id: string;
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
                    "application/json": components["schemas"]["WorkOrderOut"];
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
    accept_v1_work_orders__order_id__accept_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description A random UUID per intended write; resend it on retries. */
                "Idempotency-Key"?: string | null;
            };
            path: {
                order_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["WorkNote"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkOrderOut"];
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
    confirm_v1_work_orders__order_id__confirm_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description A random UUID per intended write; resend it on retries. */
                "Idempotency-Key"?: string | null;
            };
            path: {
                order_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["WorkNote"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkOrderOut"];
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
    decline_v1_work_orders__order_id__decline_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description A random UUID per intended write; resend it on retries. */
                "Idempotency-Key"?: string | null;
            };
            path: {
                order_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Reason"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkOrderOut"];
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
    done_v1_work_orders__order_id__done_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description A random UUID per intended write; resend it on retries. */
                "Idempotency-Key"?: string | null;
            };
            path: {
                order_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Done"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkOrderOut"];
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
    progress_v1_work_orders__order_id__progress_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description A random UUID per intended write; resend it on retries. */
                "Idempotency-Key"?: string | null;
            };
            path: {
                order_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Progress"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkOrderOut"];
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
    return_work_v1_work_orders__order_id__return_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description A random UUID per intended write; resend it on retries. */
                "Idempotency-Key"?: string | null;
            };
            path: {
                order_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Reason"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkOrderOut"];
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
    start_v1_work_orders__order_id__start_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description A random UUID per intended write; resend it on retries. */
                "Idempotency-Key"?: string | null;
            };
            path: {
                order_id: string;
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
                    "application/json": components["schemas"]["WorkOrderOut"];
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
