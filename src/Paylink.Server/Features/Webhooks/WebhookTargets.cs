using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Paylink.Server.Features.Webhooks;

/// <summary>
/// Which addresses a webhook may be sent to. Live mode refuses loopback, link-local and private
/// addresses (so an endpoint cannot be aimed at the server's own network), unless
/// <c>Paylink:Webhooks:AllowPrivateTargets</c> is set; test mode may also target loopback, where a
/// developer's receiver runs. The URL's host is checked when the endpoint is saved and every address
/// it resolves to is checked again at each connection, so a name that later resolves elsewhere gains nothing.
/// </summary>
public sealed class WebhookTargets(IOptionsMonitor<PaylinkOptions> options)
{
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(3);

    public bool IsAllowed(IPAddress address, bool livemode)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IsNeverAllowed(address))
        {
            return false;
        }

        if (options.CurrentValue.Webhooks.AllowPrivateTargets)
        {
            return true;
        }

        if (IPAddress.IsLoopback(address))
        {
            return !livemode;
        }

        return !IsLinkLocal(address) && !IsPrivate(address);
    }

    /// <summary>The reason a URL cannot be an endpoint, or null when it can.</summary>
    public async Task<string?> ProblemAsync(string url, bool livemode, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "url must be an absolute http or https URL.";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "url must not contain a user name or password.";
        }

        IPAddress[] addresses;
        if (IPAddress.TryParse(uri.DnsSafeHost, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(ResolveTimeout);
                addresses = await Dns.GetHostAddressesAsync(uri.DnsSafeHost, timeout.Token);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // A name that does not resolve yet points nowhere; each connection checks its addresses again.
                return null;
            }
        }

        return addresses.FirstOrDefault(a => !IsAllowed(a, livemode)) is { } refused
            ? $"url points to {Describe(refused)} ({refused}), which webhooks may not target{(livemode ? " in live mode" : "")}."
            : null;
    }

    private static string Describe(IPAddress address) =>
        IPAddress.IsLoopback(address) ? "a loopback address"
        : IsLinkLocal(address) ? "a link-local address"
        : IsPrivate(address) ? "a private address"
        : "an address that is not routable";

    private static bool IsNeverAllowed(IPAddress a)
    {
        if (a.Equals(IPAddress.Any) || a.Equals(IPAddress.IPv6Any) || a.Equals(IPAddress.Broadcast) || a.IsIPv6Multicast)
        {
            return true;
        }

        var b = a.GetAddressBytes();
        // 0.0.0.0/8 reaches this host on Linux; 224.0.0.0/3 is multicast and reserved.
        return a.AddressFamily == AddressFamily.InterNetwork && (b[0] == 0 || b[0] >= 224);
    }

    private static bool IsLinkLocal(IPAddress a)
    {
        var b = a.GetAddressBytes();
        return a.AddressFamily == AddressFamily.InterNetwork ? b[0] == 169 && b[1] == 254 : a.IsIPv6LinkLocal;
    }

    private static bool IsPrivate(IPAddress a)
    {
        var b = a.GetAddressBytes();
        if (a.AddressFamily == AddressFamily.InterNetwork)
        {
            return b[0] == 10
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) // carrier-grade NAT
                || (b[0] == 192 && b[1] == 0 && b[2] == 0);   // IETF protocol assignments
        }

        return a.IsIPv6SiteLocal || a.IsIPv6UniqueLocal;
    }
}
