"""Typed clients for the services every other service calls: one per shared service.

    kit.clients.directory.DirectoryClient   codes, places, chains; issuing and revoking codes
    kit.clients.identity.IdentityClient     organisations, API-key tokens, on-duty messages

All of them map failures the same way (kit.clients.base.failure): the other service's 4xx
keeps its meaning for the caller, anything that is not an answer is a 503.
"""
