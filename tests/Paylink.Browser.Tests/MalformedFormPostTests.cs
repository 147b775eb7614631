using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Paylink.Browser.Tests;

/// <summary>
/// Bodies a hosted page's form posts can be sent that are not a readable form. Each gets the customer's
/// "could not be read" page in the page's language — never a 500 or the API's JSON — that no cache keeps
/// and that shows nothing internal; the server logs a warning without a stack trace, and nothing changes.
/// </summary>
public abstract class MalformedFormPostTests(CheckoutServer server)
{
    public static TheoryData<string, string, int> Cases()
    {
        var cases = new TheoryData<string, string, int>();
        foreach (var route in new[] { "pay", "session", "pay_preview", "session_preview" })
        {
            foreach (var body in new[]
            {
                "nul_in_value", "nul_in_name", "nul_in_multipart_value", "nul_in_multipart_name", "too_many_fields", "json", "no_content_type", "broken_multipart",
            })
            {
                cases.Add(route, body, 400);
            }

            cases.Add(route, "too_large", 413);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_post_that_is_not_a_readable_form_gets_the_could_not_be_read_page(string route, string body, int status)
    {
        var log = ServerLog.Of(server);
        var target = await OpenAsync(route, "");

        using var response = await PostAsync(target, body, acceptLanguage: "en-US");

        Assert.Equal(status, (int)response.StatusCode);
        await AssertPageAsync(response, "en", "Your form could not be read", "You have not been charged.");
        Assert.Contains(log, e => e.Level == LogLevel.Warning && e.Message.Contains(target.Path, StringComparison.Ordinal) && e.Exception is null);
        Assert.DoesNotContain(log, e => e.Level >= LogLevel.Error && e.Message.Contains(target.Path, StringComparison.Ordinal));
        await AssertNothingChangedAsync(target);
    }

    [Theory]
    [InlineData("pay", "json", "query")]
    [InlineData("session", "broken_multipart", "header")]
    [InlineData("pay_preview", "nul_in_multipart_value", "form")]
    [InlineData("session", "too_many_fields", "query")]
    public async Task The_page_is_in_the_customers_language(string route, string body, string languageFrom)
    {
        // "form": the page was opened in Chinese, so its form says locale=zh; the others ask by address or header.
        var target = await OpenAsync(route, languageFrom == "form" ? "?locale=zh" : "");
        var query = languageFrom == "query" ? "?locale=zh" : "";

        using var response = await PostAsync(target, body, acceptLanguage: languageFrom == "header" ? "zh-CN,zh;q=0.9" : "en-US", query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertPageAsync(response, "zh-CN", "无法读取您的表单", "您没有被扣款。");
        await AssertNothingChangedAsync(target);
    }

    private sealed record Target(string LinkId, string Path, Dictionary<string, string> Hidden, string Cookie, bool HasSession);

    /// <summary>A customer on the route's form: the link's page, or its session's after a declined card; with the anti-forgery cookie and token.</summary>
    private async Task<Target> OpenAsync(string route, string query)
    {
        var (linkId, _) = await server.CreateLinkAsync();
        using var customer = new FormClient(server.BaseAddress);
        var page = await customer.GetAsync($"/checkout/pay/{linkId}{query}");
        var cookie = page.Response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("paylink_visitor=", StringComparison.Ordinal));
        var hasSession = route.StartsWith("session", StringComparison.Ordinal);
        if (hasSession)
        {
            page = await customer.SubmitAsync(page, FormClient.Customer(card: "4000000000000002"));
            Assert.Equal(HttpStatusCode.PaymentRequired, page.Status);
            Assert.StartsWith("/checkout/session/", page.Action, StringComparison.Ordinal);
        }

        var path = page.Action! + (route.EndsWith("_preview", StringComparison.Ordinal) ? "/preview" : "");
        return new Target(linkId, path, page.Hidden, cookie, hasSession);
    }

    private async Task<HttpResponseMessage> PostAsync(Target target, string body, string acceptLanguage, string query = "")
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Path + query) { Content = await BodyAsync(body, target.Hidden) };
        request.Headers.Add("Cookie", target.Cookie);
        request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>A complete, valid customer's form (with its anti-forgery token) spoiled in one way.</summary>
    private static async Task<HttpContent> BodyAsync(string kind, Dictionary<string, string> hidden)
    {
        var fields = new Dictionary<string, string>(hidden);
        foreach (var (name, value) in FormClient.Customer())
        {
            fields[name] = value;
        }

        switch (kind)
        {
            case "nul_in_value":
                fields["email"] = "buyer\0@example.com";
                return new FormUrlEncodedContent(fields);
            case "nul_in_name":
                fields["note\0"] = "hello";
                return new FormUrlEncodedContent(fields);
            case "nul_in_multipart_value":
                fields["email"] = "buyer\0@example.com";
                return Multipart(fields);
            case "nul_in_multipart_name":
                fields["note\0"] = "hello";
                return Multipart(fields);
            case "too_many_fields":
                for (var i = 0; i < 1100; i++)
                {
                    fields[$"extra_{i}"] = "1";
                }

                return new FormUrlEncodedContent(fields);
            case "json":
                return new StringContent(JsonSerializer.Serialize(fields), Encoding.UTF8, "application/json");
            case "no_content_type":
                using (var form = new FormUrlEncodedContent(fields))
                {
                    return new ByteArrayContent(await form.ReadAsByteArrayAsync());
                }

            case "broken_multipart":
                var multipart = new ByteArrayContent(Encoding.UTF8.GetBytes("--b\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nbuyer@example.com"));
                multipart.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
                return multipart;
            case "too_large":
                fields["name"] = new string('a', 300 * 1024);
                return new FormUrlEncodedContent(fields);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    /// <summary>The fields as multipart/form-data, written by hand: a client's own writer may refuse what a server must be ready for.</summary>
    private static ByteArrayContent Multipart(Dictionary<string, string> fields)
    {
        var body = new StringBuilder();
        foreach (var (name, value) in fields)
        {
            body.Append("--b\r\nContent-Disposition: form-data; name=\"").Append(name).Append("\"\r\n\r\n").Append(value).Append("\r\n");
        }

        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.Append("--b--\r\n").ToString()));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        return content;
    }

    private static async Task AssertPageAsync(HttpResponseMessage response, string lang, string title, string text)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains($"<html lang=\"{lang}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains(text, html, StringComparison.Ordinal);
        foreach (var internalWord in new[] { "Exception", "   at ", "Paylink.Server", "\"error\"", "internal" })
        {
            Assert.DoesNotContain(internalWord, html, StringComparison.Ordinal);
        }
    }

    /// <summary>No session was made from a link's form, and a session's form left its session open and unpaid.</summary>
    private async Task AssertNothingChangedAsync(Target target)
    {
        var sessions = (await server.GetAsync($"/api/checkout-sessions?payment_link_id={target.LinkId}"))["list"]!.AsArray();
        Assert.Equal(target.HasSession ? 1 : 0, sessions.Count);
        if (target.HasSession)
        {
            Assert.Equal("open", sessions[0]!["status"]!.GetValue<string>());
            Assert.Equal("unpaid", sessions[0]!["payment_status"]!.GetValue<string>());
        }
    }
}

[Collection(CheckoutServerCollection.Name)]
public sealed class SqliteMalformedFormPostTests(CheckoutServer server) : MalformedFormPostTests(server);

[Collection(PostgresCheckoutServerCollection.Name)]
public sealed class PostgresMalformedFormPostTests(PostgresCheckoutServer server) : MalformedFormPostTests(server);
