namespace Generator.Site;

public sealed record Language(string Code, string Name, string Title);
