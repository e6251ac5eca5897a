"""Media for every service: uploads checked by content, re-encoded, stored, served signed.

Upload first (multipart), get an id; the record that uses it (a ticket, a work order) refers
to the id and attaches it. Images are decoded by Pillow (never trusted by name or declared
type), re-encoded as JPEG without metadata (EXIF, GPS), HEIC converted, and given a
thumbnail; short videos are recognised by their container signature and kept as they are.

    media = MediaLibrary(Base.metadata)  # adds the `media` table
"""

from __future__ import annotations

import sqlalchemy as sa

from services.kit.db import UTCDateTime

MEDIA_KINDS = ("image", "video")


class MediaLibrary:
    """The media table of one service (the logic is added around it)."""

    def __init__(self, metadata: sa.MetaData, *, table: str = "media") -> None:
        self.table = sa.Table(
            table,
            metadata,
            sa.Column("id", sa.Uuid, primary_key=True),
            sa.Column("kind", sa.String(10), nullable=False),
            # What the content turned out to be (image/jpeg after re-encoding, video/mp4).
            sa.Column("content_type", sa.String(60), nullable=False),
            sa.Column("byte_size", sa.BigInteger, nullable=False),
            sa.Column("width", sa.Integer),
            sa.Column("height", sa.Integer),
            sa.Column("sha256", sa.String(64), nullable=False),
            # Keys in the storage (local disk under var/, or an S3-compatible bucket).
            sa.Column("storage_key", sa.String(200), nullable=False),
            sa.Column("thumbnail_key", sa.String(200)),
            # "staff:<subject>", "resident:<subject>", "client:<id>" or "anonymous".
            sa.Column("uploaded_by", sa.String(80), nullable=False),
            # What uses it ("ticket:<id>"); unattached uploads are purged after a day.
            sa.Column("attached_to", sa.String(80), index=True),
            sa.Column("created_at", UTCDateTime, nullable=False, index=True),
            sa.Column("attached_at", UTCDateTime),
            # Set when the bytes were deleted (retention); the row stays for the record.
            sa.Column("purged_at", UTCDateTime),
            sa.CheckConstraint(f"kind IN ({', '.join(repr(k) for k in MEDIA_KINDS)})", name="kind"),
        )
