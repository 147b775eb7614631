namespace Paylink.Data;

/// <summary>Names in the SQL that Paylink writes itself for SQLite (the prepared reads, the plain inserts).</summary>
internal static class SqliteNames
{
    /// <summary>A table or column name as a quoted SQLite identifier.</summary>
    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
