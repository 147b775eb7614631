using System.Text;

namespace Paylink.Client;

internal static class QueryString
{
    public static string Build(IEnumerable<KeyValuePair<string, string>>? parameters)
    {
        if (parameters is null)
        {
            return "";
        }

        var text = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            text.Append(text.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return text.ToString();
    }
}
