"""The warm station's request and response bodies (never ORM objects in responses), one
module per domain (stations, visits, couriers, supplies, activities): import from the
submodule."""
