"""Small pieces every app uses that belong to no one domain."""
