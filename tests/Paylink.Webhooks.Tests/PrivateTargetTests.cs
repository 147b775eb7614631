using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Paylink.Client;
using Paylink.Server.Features.Webhooks;

namespace Paylink.Webhooks.Tests;

/// <summary>A server left at the default: webhooks may not target loopback, link-local or private addresses, in either mode.</summary>
public sealed class NoPrivateTargetsFixture() : WebhookFixture(allowPrivateTargets: false);

/// <summary>
/// Without <c>Paylink__Webhooks__AllowPrivateTargets</c> no API key, test or live, can aim webhooks at
/// this host or its network, however the address is spelled, when the endpoint is saved or when it is sent.
/// </summary>
public sealed class PrivateTargetsRefusedTests(NoPrivateTargetsFixture fixture) : IClassFixture<NoPrivateTargetsFixture>
{
    public static TheoryData<string, bool> LocalUrls()
    {
        string[] urls =
        [
            "http://127.0.0.1:9/hook", "http://localhost:9/hook", "http://LocalHost./hook", "http://api.localhost/hook",
            "http://[::1]:9/hook", "http://[::ffff:127.0.0.1]/hook", "http://2130706433/hook", "http://0x7f000001/hook",
            "http://127.1/hook", "http://0177.0.0.1/hook", "http://10.0.0.5/hook", "http://192.168.1.20/hook",
            "http://172.16.0.1/hook", "http://169.254.169.254/latest/meta-data", "http://[fd00::1]/hook", "http://[64:ff9b::a00:5]/hook",
        ];
        var data = new TheoryData<string, bool>();
        foreach (var url in urls)
        {
            data.Add(url, false);
            data.Add(url, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LocalUrls))]
    public async Task A_loopback_or_private_target_is_refused_in_either_mode(string url, bool livemode)
    {
        var client = livemode ? fixture.Live : fixture.Test;
        var refused = await Assert.ThrowsAsync<PaylinkException>(() =>
            client.WebhookEndpoints.CreateAsync(new WebhookEndpointCreateOptions { Url = url }));

        Assert.Equal(400, refused.StatusCode);
        Assert.Equal("url_private_target", refused.Code);
        Assert.Equal("url", refused.Param);
        Assert.Contains("Paylink__Webhooks__AllowPrivateTargets=true", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endpoint_cannot_be_moved_onto_loopback_either()
    {
        var endpoint = await fixture.Test.WebhookEndpoints.CreateAsync(new WebhookEndpointCreateOptions { Url = "https://shop.invalid/hooks" });

        var refused = await Assert.ThrowsAsync<PaylinkException>(() =>
            fixture.Test.WebhookEndpoints.UpdateAsync(endpoint.Id, new WebhookEndpointUpdateOptions { Url = fixture.Receiver.UrlFor("/moved") }));

        Assert.Equal("url_private_target", refused.Code);
        Assert.Equal("https://shop.invalid/hooks", (await fixture.Test.WebhookEndpoints.RetrieveAsync(endpoint.Id)).Url);
    }

    [Theory]
    [InlineData("http://0.0.0.0:9/hook")]
    [InlineData("ftp://127.0.0.1/hook")]
    [InlineData("/relative/hook")]
    [InlineData("http://user:pass@127.0.0.1/hook")]
    public async Task A_URL_no_setting_allows_is_invalid(string url)
    {
        var refused = await Assert.ThrowsAsync<PaylinkException>(() =>
            fixture.Test.WebhookEndpoints.CreateAsync(new WebhookEndpointCreateOptions { Url = url }));

        Assert.Equal(400, refused.StatusCode);
        Assert.Equal("url_invalid", refused.Code);
        Assert.Equal("url", refused.Param);
    }

    [Theory]
    [InlineData("http://localhost:{0}/sent-by-name")]
    [InlineData("http://127.0.0.1:{0}/sent-by-address")]
    public async Task The_sender_refuses_a_loopback_address_at_connection_time_in_either_mode(string url)
    {
        var target = string.Format(System.Globalization.CultureInfo.InvariantCulture, url, fixture.Receiver.BaseAddress.Port);
        var sender = fixture.Server.Services.GetRequiredService<WebhookSender>();

        var result = await sender.SendAsync(target, "whsec_" + Convert.ToBase64String(new byte[32]), "evt_refused", "{}", DateTimeOffset.UtcNow,
            TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Null(result.StatusCode);
        Assert.StartsWith("Refused", result.Error, StringComparison.Ordinal);
        Assert.Empty(fixture.Receiver.At(new Uri(target).AbsolutePath));
    }
}

/// <summary>With <c>Paylink__Webhooks__AllowPrivateTargets=true</c> a local receiver works, but what it answers is never kept.</summary>
public sealed class PrivateTargetsAllowedTests(WebhookFixture fixture) : IClassFixture<WebhookFixture>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_loopback_endpoint_gets_its_events_and_its_attempts_show_the_status_but_no_body(bool livemode)
    {
        var client = livemode ? fixture.Live : fixture.Test;
        var path = $"/local-{livemode}";
        var endpoint = await client.WebhookEndpoints.CreateAsync(new WebhookEndpointCreateOptions
        {
            Url = fixture.Receiver.UrlFor(path),
            EnabledEvents = ["product.created"],
        });
        await client.Products.CreateAsync(new ProductCreateOptions { Name = "Local box" });

        var attempt = (await Eventually.WaitForAsync(async () => (await client.WebhookEndpoints.ListAttemptsAsync(endpoint.Id)).List,
            a => a.Count > 0, Within, "an attempt listed")).Single();
        Assert.True(attempt.Succeeded);
        Assert.Equal(200, attempt.StatusCode);
        Assert.Null(attempt.ResponseBody);
        Assert.Single(fixture.Receiver.At(path));
    }

    [Theory]
    [InlineData("http://localhost:{0}/by-name")]
    [InlineData("http://127.0.0.1:{0}/by-address")]
    [InlineData("http://[::ffff:127.0.0.1]:{0}/by-mapped-address")]
    public async Task The_sender_reaches_a_loopback_receiver_and_keeps_only_its_status(string url)
    {
        var target = string.Format(System.Globalization.CultureInfo.InvariantCulture, url, fixture.Receiver.BaseAddress.Port);
        var sender = fixture.Server.Services.GetRequiredService<WebhookSender>();

        var result = await sender.SendAsync(target, "whsec_" + Convert.ToBase64String(new byte[32]), "evt_local", "{}", DateTimeOffset.UtcNow,
            TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(200, result.StatusCode);
        Assert.Null(result.ResponseExcerpt);
        Assert.Equal("evt_local", Assert.Single(fixture.Receiver.At(new Uri(target).AbsolutePath)).WebhookId);
    }
}

/// <summary>
/// The decision behind both: whether a host's addresses are public (a reply may be shown in the attempts
/// list) or lead to this host or its network. A public receiver cannot be reached from the test machine,
/// so this is checked on the function the sender's connections use.
/// </summary>
public sealed class TargetReachTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.0.9")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::127.0.0.1")]
    [InlineData("64:ff9b::7f00:1")]
    [InlineData("2002:7f00:1::1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.0.1")]
    [InlineData("100.64.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("fe80::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("::ffff:10.0.0.1")]
    public void Loopback_link_local_and_private_addresses_are_private(string address)
    {
        Assert.Equal(TargetReach.Private, WebhookTargets.Classify("hooks.example.com", [IPAddress.Parse(address)]).Reach);
    }

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:93.184.215.14")]
    [InlineData("64:ff9b::808:808")]
    public void Public_addresses_are_public_so_their_replies_are_kept(string address)
    {
        Assert.Equal(TargetReach.Public, WebhookTargets.Classify("hooks.example.com", [IPAddress.Parse(address)]).Reach);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("LOCALHOST.")]
    [InlineData("shop.localhost")]
    public void A_localhost_name_is_private_whatever_it_resolves_to(string host)
    {
        Assert.Equal(TargetReach.Private, WebhookTargets.Classify(host, [IPAddress.Parse("93.184.215.14")]).Reach);
    }

    [Fact]
    public void One_private_address_among_public_ones_makes_the_host_private()
    {
        var (reach, address) = WebhookTargets.Classify("hooks.example.com", [IPAddress.Parse("93.184.215.14"), IPAddress.Parse("10.0.0.7")]);

        Assert.Equal(TargetReach.Private, reach);
        Assert.Equal(IPAddress.Parse("10.0.0.7"), address);
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("0.1.2.3")]
    [InlineData("::")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("ff02::1")]
    public void Unroutable_addresses_are_never_targets(string address)
    {
        Assert.Equal(TargetReach.Never, WebhookTargets.Classify("hooks.example.com", [IPAddress.Parse(address)]).Reach);
    }
}
