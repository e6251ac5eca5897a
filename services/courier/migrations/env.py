from alembic import context

from services.courier.models import Base
from services.kit.migrations import run_env

run_env(context, Base.metadata)
