"""The HTTP edge shared by every router: dependencies, error docs, legacy routes."""
