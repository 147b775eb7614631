using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace Paylink.Bench;

/// <summary>Loads wrk cannot express: creates at a fixed rate (latency without coordinated omission) and full purchases.</summary>
public static partial class ClientLoads
{
    [GeneratedRegex("name=\"(__RequestVerificationToken|token)\" value=\"([^\"]*)\"")]
    private static partial Regex Hidden();

    /// <summary>Sends creates at <paramref name="rate"/> per second for the duration, each timed from when it was due.</summary>
    public static async Task<LoadResult> PacedCreatesAsync(Uri server, string key, string priceId, int rate, int seconds)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = server };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var body = "{\"name\":\"Paced\",\"currency_id\":\"usd\",\"line_items\":[{\"price_id\":\"" + priceId + "\",\"quantity\":1}]}";
        var total = rate * seconds;
        var latencies = new double[total];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var tasks = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var index = i;
            tasks.Add(Task.Run(async () =>
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await http.PostAsync("/api/payment-links", content);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[index] = (clock.Elapsed - due).TotalMilliseconds;
            }));
        }

        await Task.WhenAll(tasks);
        Array.Sort(latencies);
        return new LoadResult($"create at {rate}/s (paced)", total / clock.Elapsed.TotalSeconds, latencies[total / 2], latencies[(int)(total * 0.99)], errors, total);
    }

    /// <summary>Customers buying: open the link's page, submit the form with 4242…, follow nothing (the 303 is the end).</summary>
    public static async Task<LoadResult> PurchasesAsync(Uri server, string linkId, int workers, int seconds)
    {
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        long completed = 0, errors = 0;
        var stop = DateTime.UtcNow.AddSeconds(seconds);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async w =>
        {
            using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = server };
            var n = 0;
            while (DateTime.UtcNow < stop)
            {
                var started = clock.Elapsed;
                try
                {
                    var page = await http.GetStringAsync($"/checkout/pay/{linkId}");
                    var fields = Hidden().Matches(page).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
                    fields["email"] = $"buyer{w}-{n++}@example.com";
                    fields["name"] = "Bench Buyer";
                    fields["card_number"] = "4242424242424242";
                    fields["card_expiry"] = "12/34";
                    fields["card_cvc"] = "123";
                    fields["action"] = "pay";
                    using var response = await http.PostAsync($"/checkout/pay/{linkId}", new FormUrlEncodedContent(fields));
                    if (response.StatusCode == HttpStatusCode.SeeOther)
                    {
                        Interlocked.Increment(ref completed);
                        latencies.Add((clock.Elapsed - started).TotalMilliseconds);
                    }
                    else
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));

        var sorted = latencies.Order().ToArray();
        return new LoadResult("purchase (page + submit)", completed / clock.Elapsed.TotalSeconds,
            sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2], sorted.Length == 0 ? double.NaN : sorted[(int)(sorted.Length * 0.99)], errors, completed + errors);
    }
}
