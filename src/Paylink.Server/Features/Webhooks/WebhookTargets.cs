using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Paylink.Server.Features.Webhooks;

/// <summary>Where an address leads: the public internet, this host or its local network, or nowhere a webhook may go.</summary>
public enum TargetReach
{
    Public,
    Private,
    Never,
}

/// <summary>
/// Which addresses a webhook may be sent to. Loopback, link-local and private addresses (and the names
/// <c>localhost</c> and <c>*.localhost</c>) are refused in both modes unless
/// <c>Paylink:Webhooks:AllowPrivateTargets</c> is set, so an API key cannot aim the server at its own
/// network. The URL's host is checked when the endpoint is saved and every address it resolves to is
/// checked again at each connection, so a name that later resolves elsewhere gains nothing.
/// </summary>
public sealed class WebhookTargets(IOptionsMonitor<PaylinkOptions> options)
{
    public const string Setting = "Paylink__Webhooks__AllowPrivateTargets";
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(3);

    public bool AllowPrivate => options.CurrentValue.Webhooks.AllowPrivateTargets;

    /// <summary>The farthest reach among a host's addresses: one private address makes the whole host private.</summary>
    public static (TargetReach Reach, IPAddress? Address) Classify(string host, IEnumerable<IPAddress> addresses)
    {
        var reach = IsLocalName(host) ? TargetReach.Private : TargetReach.Public;
        IPAddress? shown = null;
        foreach (var address in addresses)
        {
            var r = Classify(address);
            if (r > reach || (r == reach && r != TargetReach.Public && shown is null))
            {
                (reach, shown) = (r, address);
            }
        }

        return (reach, shown);
    }

    public static TargetReach Classify(IPAddress address)
    {
        var a = Embedded(address);
        if (IsNeverAllowed(a))
        {
            return TargetReach.Never;
        }

        return IPAddress.IsLoopback(a) || IsLinkLocal(a) || IsPrivate(a) ? TargetReach.Private : TargetReach.Public;
    }

    /// <summary><c>localhost</c> and its subdomains name this host (RFC 6761), whatever a resolver says.</summary>
    public static bool IsLocalName(string host)
    {
        var name = host.TrimEnd('.');
        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The reason a URL cannot be an endpoint, or null when it can.</summary>
    public async Task<(string Message, string Code)?> ProblemAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return ("url must be an absolute http or https URL.", "url_invalid");
        }

        if (uri.UserInfo.Length > 0)
        {
            return ("url must not contain a user name or password.", "url_invalid");
        }

        var host = uri.DnsSafeHost;
        IPAddress[] addresses = [];
        if (IPAddress.TryParse(host, out var literal))
        {
            addresses = [literal];
        }
        else if (!IsLocalName(host))
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(ResolveTimeout);
                addresses = await Dns.GetHostAddressesAsync(host, timeout.Token);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // A name that does not resolve yet points nowhere; each connection checks its addresses again.
                return null;
            }
        }

        var (reach, address) = Classify(host, addresses);
        var shown = address is null ? host : $"{Describe(address)} ({address})";
        return reach switch
        {
            TargetReach.Never => ($"url points to {shown}, which webhooks may not target.", "url_invalid"),
            TargetReach.Private when !AllowPrivate => ($"url points to {(address is null ? $"this host ({host})" : shown)}; webhooks may target "
                + $"loopback, link-local and private addresses only when the server sets {Setting}=true.", "url_private_target"),
            _ => null,
        };
    }

    public static string Describe(IPAddress address)
    {
        var a = Embedded(address);
        return IPAddress.IsLoopback(a) ? "a loopback address"
            : IsLinkLocal(a) ? "a link-local address"
            : IsPrivate(a) ? "a private address"
            : IsNeverAllowed(a) ? "an address that is not routable"
            : "a public address";
    }

    /// <summary>The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), else the address itself.</summary>
    private static IPAddress Embedded(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        var b = address.GetAddressBytes();
        var zerosTo12 = b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0;
        if (zerosTo12 && !address.Equals(IPAddress.IPv6Loopback) && !address.Equals(IPAddress.IPv6Any))
        {
            return new IPAddress(b.AsSpan(12, 4)); // IPv4-compatible (::a.b.c.d)
        }

        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
        {
            return new IPAddress(b.AsSpan(12, 4)); // NAT64 (64:ff9b::a.b.c.d)
        }

        return b[0] == 0x20 && b[1] == 0x02 ? new IPAddress(b.AsSpan(2, 4)) : address; // 6to4 (2002:aabb:ccdd::)
    }

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
