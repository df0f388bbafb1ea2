import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AddressPolicy } from "./address-policy.ts";

describe("AddressPolicy", () => {
  const policy = new AddressPolicy();

  it("allows public addresses", () => {
    for (const address of [
      "8.8.8.8",
      "1.1.1.1",
      "2606:4700:4700::1111",
      "::ffff:8.8.8.8",
      "64:ff9b::808:808",
    ]) {
      assert.equal(policy.isAllowed(address), true, address);
    }
  });

  it("refuses private, loopback, link-local, unique-local, multicast and unspecified addresses", () => {
    const refused = [
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "127.0.0.1",
      "127.9.9.9",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "255.255.255.255",
      "::",
      "::1",
      "fe80::1",
      "fe80::1%eth0",
      "fd12:3456::1",
      "ff02::1",
    ];
    for (const address of refused) assert.equal(policy.isAllowed(address), false, address);
  });

  it("judges IPv4 carried in IPv6 by the IPv4 address", () => {
    for (const address of [
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "::ffff:10.0.0.1",
      "64:ff9b::a00:1",
      "2002:c0a8:101::1",
    ]) {
      assert.equal(policy.isAllowed(address), false, address);
    }
    assert.equal(policy.isAllowed("2002:808:808::1"), true);
  });

  it("refuses what is not an IP literal", () => {
    assert.equal(policy.isAllowed("localhost"), false);
    assert.equal(policy.isAllowed(""), false);
  });

  it("allows configured blocks only", () => {
    const allowing = new AddressPolicy(["127.0.0.1/32", "fd00::/8"]);
    assert.equal(allowing.isAllowed("127.0.0.1"), true);
    assert.equal(allowing.isAllowed("::ffff:127.0.0.1"), true);
    assert.equal(allowing.isAllowed("127.0.0.2"), false);
    assert.equal(allowing.isAllowed("fd00::5"), true);
    assert.equal(allowing.isAllowed("10.0.0.1"), false);
    assert.throws(() => new AddressPolicy(["localhost/8"]), /CIDR/);
  });
});
