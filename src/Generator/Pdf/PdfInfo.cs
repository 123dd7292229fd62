namespace Generator.Pdf;

/// A PDF's document information: its title (the topic's), author (the publisher), subject
/// (the summary), the tool that made it, and its dates (publication and last change).
public sealed record PdfInfo(string Title, string Author, string Subject, string Creator, DateOnly Created, DateOnly Modified);
