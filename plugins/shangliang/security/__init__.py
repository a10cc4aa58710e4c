"""What keeps readers safe from what a file holds: the HTML sanitizer and the Content-Security-Policy."""
