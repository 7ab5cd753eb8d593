"""Model calls: the instructor client with deadlines, prompt rendering, and the small forms each pass fills."""
