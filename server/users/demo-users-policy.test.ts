import { describe, expect, it } from "vitest";
import { decideDemoUsers, isLoopbackHost } from "./demo-users-policy";

const local = { HOST: "127.0.0.1", SESSION_COOKIE_SECURE: false } as const;

describe("demo accounts", () => {
  it("exist on a local server by default, or when asked for there", () => {
    expect(decideDemoUsers({ ...local, DEMO_USERS: "auto" }).action).toBe("create");
    expect(decideDemoUsers({ ...local, DEMO_USERS: "true" }).action).toBe("create");
    expect(decideDemoUsers({ HOST: "::1", SESSION_COOKIE_SECURE: false, DEMO_USERS: "auto" }).action).toBe("create");
  });

  it("are removed when turned off, and by default on a server others can reach", () => {
    expect(decideDemoUsers({ ...local, DEMO_USERS: "false" }).action).toBe("remove");
    expect(decideDemoUsers({ HOST: "0.0.0.0", SESSION_COOKIE_SECURE: false, DEMO_USERS: "auto" }).action).toBe(
      "remove",
    );
    expect(decideDemoUsers({ ...local, SESSION_COOKIE_SECURE: true, DEMO_USERS: "auto" }).action).toBe("remove");
  });

  it("make the server refuse to start beyond loopback or behind HTTPS", () => {
    const wide = decideDemoUsers({ HOST: "0.0.0.0", SESSION_COOKIE_SECURE: false, DEMO_USERS: "true" });
    expect(wide).toMatchObject({ action: "refuse", reason: expect.stringMatching(/0\.0\.0\.0, beyond loopback/) });
    const secure = decideDemoUsers({ ...local, SESSION_COOKIE_SECURE: true, DEMO_USERS: "true" });
    expect(secure).toMatchObject({ action: "refuse", reason: expect.stringMatching(/Secure/) });
  });

  it("count only loopback addresses as local", () => {
    for (const host of ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]", "::ffff:127.0.0.1"]) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of ["0.0.0.0", "::", "10.0.0.5", "192.168.1.2", "example.org", "128.0.0.1"]) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });
});
