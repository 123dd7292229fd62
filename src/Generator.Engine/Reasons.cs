namespace Generator.Engine;

/// The reason an exception gives, as a clause to go on with (its closing full stop dropped).
public static class Reasons
{
    public static string Of(Exception e) => e.Message.TrimEnd().TrimEnd('.');
}
