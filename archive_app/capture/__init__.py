"""Capturing the web: fetching a page and the pictures its article shows over HTTP(S) into a
WARC file, which is then imported as the page's original. No Qt here."""
