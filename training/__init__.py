"""Offline training: a person's tweet export in, a persona checkpoint (`models/<persona>/`) out."""
