%% The benchmarks-game n-body simulation of the Jovian planets: float
%% arithmetic on bodies kept as records in a list, rebuilt every step.
-module(bench_nbody).
-export([main/0]).

-define(STEPS, 600000).
-define(DT, 0.01).
-define(PI, 3.141592653589793).
-define(SOLAR_MASS, (4 * ?PI * ?PI)).
-define(DAYS_PER_YEAR, 365.24).

-record(body, {x, y, z, vx, vy, vz, mass}).

main() ->
	_ = simulate(1000),
	T0 = erlang:monotonic_time(microsecond),
	R = simulate(?STEPS),
	T1 = erlang:monotonic_time(microsecond),
	erlang:display({result, R}),
	erlang:display({time_us, T1 - T0}).

%% The energy before and after, in units of 1e-9, as integers so that the
%% checksum does not depend on how a VM prints floats.
simulate(Steps) ->
	Bodies = offset_momentum(bodies()),
	E0 = energy(Bodies),
	E1 = energy(advance(Steps, Bodies)),
	{round(E0 * 1.0e9), round(E1 * 1.0e9)}.

bodies() ->
	Y = ?DAYS_PER_YEAR,
	M = ?SOLAR_MASS,
	[#body{x = 0.0, y = 0.0, z = 0.0, vx = 0.0, vy = 0.0, vz = 0.0, mass = M},
	 %% Jupiter
	 #body{x = 4.84143144246472090e+00, y = -1.16032004402742839e+00,
	       z = -1.03622044471123109e-01, vx = 1.66007664274403694e-03 * Y,
	       vy = 7.69901118419740425e-03 * Y, vz = -6.90460016972063023e-05 * Y,
	       mass = 9.54791938424326609e-04 * M},
	 %% Saturn
	 #body{x = 8.34336671824457987e+00, y = 4.12479856412430479e+00,
	       z = -4.03523417114321381e-01, vx = -2.76742510726862411e-03 * Y,
	       vy = 4.99852801234917238e-03 * Y, vz = 2.30417297573763929e-05 * Y,
	       mass = 2.85885980666130812e-04 * M},
	 %% Uranus
	 #body{x = 1.28943695621391310e+01, y = -1.51111514016986312e+01,
	       z = -2.23307578892655734e-01, vx = 2.96460137564761618e-03 * Y,
	       vy = 2.37847173959480950e-03 * Y, vz = -2.96589568540237556e-05 * Y,
	       mass = 4.36624404335156298e-05 * M},
	 %% Neptune
	 #body{x = 1.53796971148509165e+01, y = -2.59193146099879641e+01,
	       z = 1.79258772950371181e-01, vx = 2.68067772490389322e-03 * Y,
	       vy = 1.62824170038242295e-03 * Y, vz = -9.51592254519715870e-05 * Y,
	       mass = 5.15138902046611451e-05 * M}].

%% Give the sun the momentum that makes the system's total zero.
offset_momentum([Sun | Planets] = Bodies) ->
	{Px, Py, Pz} = lists:foldl(
		fun(#body{vx = Vx, vy = Vy, vz = Vz, mass = M}, {X, Y, Z}) ->
			{X + Vx * M, Y + Vy * M, Z + Vz * M}
		end, {0.0, 0.0, 0.0}, Bodies),
	[Sun#body{vx = -Px / ?SOLAR_MASS, vy = -Py / ?SOLAR_MASS,
		  vz = -Pz / ?SOLAR_MASS} | Planets].

energy(Bodies) -> energy(Bodies, 0.0).

energy([], E) -> E;
energy([#body{x = X, y = Y, z = Z, vx = Vx, vy = Vy, vz = Vz, mass = M} | Rest],
       E) ->
	Kinetic = 0.5 * M * (Vx * Vx + Vy * Vy + Vz * Vz),
	Potential = lists:foldl(
		fun(#body{x = X2, y = Y2, z = Z2, mass = M2}, Acc) ->
			Dx = X - X2, Dy = Y - Y2, Dz = Z - Z2,
			Acc - M * M2 / math:sqrt(Dx * Dx + Dy * Dy + Dz * Dz)
		end, 0.0, Rest),
	energy(Rest, E + Kinetic + Potential).

advance(0, Bodies) -> Bodies;
advance(N, Bodies) -> advance(N - 1, move(velocities(Bodies))).

%% Each body's velocity changes through its pull with every later body;
%% the later bodies come back updated too.
velocities([]) -> [];
velocities([B | Rest]) ->
	{B1, Rest1} = pull(B, Rest, []),
	[B1 | velocities(Rest1)].

pull(B, [], Acc) -> {B, lists:reverse(Acc)};
pull(#body{x = X, y = Y, z = Z, vx = Vx, vy = Vy, vz = Vz, mass = M} = B,
     [#body{x = X2, y = Y2, z = Z2, vx = Vx2, vy = Vy2, vz = Vz2,
	    mass = M2} = B2 | Rest], Acc) ->
	Dx = X - X2, Dy = Y - Y2, Dz = Z - Z2,
	D2 = Dx * Dx + Dy * Dy + Dz * Dz,
	Mag = ?DT / (D2 * math:sqrt(D2)),
	Mb = M2 * Mag,
	Mb2 = M * Mag,
	pull(B#body{vx = Vx - Dx * Mb, vy = Vy - Dy * Mb, vz = Vz - Dz * Mb},
	     Rest,
	     [B2#body{vx = Vx2 + Dx * Mb2, vy = Vy2 + Dy * Mb2,
		      vz = Vz2 + Dz * Mb2} | Acc]).

move([]) -> [];
move([#body{x = X, y = Y, z = Z, vx = Vx, vy = Vy, vz = Vz} = B | Rest]) ->
	[B#body{x = X + ?DT * Vx, y = Y + ?DT * Vy, z = Z + ?DT * Vz}
	 | move(Rest)].
