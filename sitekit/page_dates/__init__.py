"""When each page last changed: read from git (`history`), shown by the theme under the page."""
