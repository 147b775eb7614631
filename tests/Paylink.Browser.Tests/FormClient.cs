using System.Net;
using System.Text.RegularExpressions;

namespace Paylink.Browser.Tests;

/// <summary>A customer's browser reduced to HTTP: it keeps cookies, reads the page's hidden fields and posts the form.</summary>
public sealed partial class FormClient : IDisposable
{
    private readonly HttpClient _http;

    public FormClient(Uri baseAddress)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    [GeneratedRegex("name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenField();

    [GeneratedRegex("<form method=\"post\" action=\"(?<action>[^\"]+)\"")]
    private static partial Regex FormAction();

    public sealed record Page(HttpStatusCode Status, string Html, string? Action, Dictionary<string, string> Hidden, HttpResponseMessage Response);

    public async Task<Page> GetAsync(string path) => await ReadAsync(await _http.GetAsync(path));

    /// <summary>Posts the page's form with its hidden fields plus <paramref name="fields"/>.</summary>
    public async Task<Page> SubmitAsync(Page page, IDictionary<string, string> fields, bool withAntiforgery = true)
    {
        var values = new Dictionary<string, string>(page.Hidden);
        if (!withAntiforgery)
        {
            values.Remove("__RequestVerificationToken");
        }

        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        using var content = new FormUrlEncodedContent(values);
        return await ReadAsync(await _http.PostAsync(page.Action, content));
    }

    public static Dictionary<string, string> Customer(string card = "4242424242424242", string email = "buyer@example.com") => new()
    {
        ["email"] = email,
        ["name"] = "Bea Buyer",
        ["card_number"] = card,
        ["card_expiry"] = "12/34",
        ["card_cvc"] = "123",
        ["action"] = "pay",
    };

    private static async Task<Page> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var hidden = new Dictionary<string, string>();
        foreach (Match m in HiddenField().Matches(html))
        {
            if (m.Value.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal) || m.Groups["name"].Value is "token" or "locale" or "client_reference_id")
            {
                hidden[m.Groups["name"].Value] = WebUtility.HtmlDecode(m.Groups["value"].Value);
            }
        }

        var action = FormAction().Match(html) is { Success: true } a ? WebUtility.HtmlDecode(a.Groups["action"].Value) : null;
        return new Page(response.StatusCode, html, action, hidden, response);
    }

    public void Dispose() => _http.Dispose();
}
