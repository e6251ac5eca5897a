"""Media for every service: uploads checked by content, re-encoded, stored, served signed.

Upload first (multipart), get an id and an upload key; the record that uses it (a ticket, a
work order) refers to the id and attaches it, if the caller is the upload's uploader: the
same signed-in principal, or whoever names its key (`MediaStore.check_attachable`), so an
upload no one else saw cannot be put on someone else's record.

Images are decoded by Pillow (never trusted by name or declared type), re-encoded as JPEG
without metadata (EXIF, GPS), HEIC converted, and given a thumbnail; short videos are
recognised by their container signature and kept as they are.

    media = MediaLibrary(Base.metadata)  # adds the `media` table (models.py)
    store = MediaStore.from_settings(media, settings, ...)  # storage, links, limits (app.py)
    router = media_router(lambda request: ..., upload_summary=...)  # the routes (routes/)

The bytes live in a `Storage` (services.kit.storage: local disk under var/ by default, an
S3-compatible bucket when configured); the table keeps what they are, who uploaded them and
what uses them. An `<img>` cannot send a bearer token, so the bytes are served through
signed, expiring URLs.

Import from the module that holds a name (nothing is re-exported here):

- `models`: the table (`MediaLibrary`), its rows (`StoredMedia`), `MediaRef`, `Kind`, `MB`
- `content`: what the bytes are and how they are re-encoded (`inspect`, `MediaLimits`)
- `links`: signed, expiring links (`MediaLinks`)
- `store`: a service's media as a whole (`MediaStore`, `MediaSettings`, `MediaOut`)
- `http`: reading an upload with a bound, answering with bytes and ranges
- `router`: the routes (`media_router`), so a service does not write its own
"""
