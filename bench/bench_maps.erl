%% Maps with integer keys: small (flat, under 32 keys) maps updated in
%% loops, and a large (hashed) map of 100k keys built, looked up, updated
%% and folded.
-module(bench_maps).
-export([main/0]).

-define(SMALL_KEYS, 24).
-define(SMALL_STEPS, 600000).
-define(LARGE_KEYS, 100000).
-define(ROUNDS, 6).
-define(MASK, 16#FFFFFFF).

main() ->
	_ = run(1, 1000, 1000),
	T0 = erlang:monotonic_time(microsecond),
	R = run(?ROUNDS, ?SMALL_STEPS, ?LARGE_KEYS),
	T1 = erlang:monotonic_time(microsecond),
	erlang:display({result, R}),
	erlang:display({time_us, T1 - T0}).

run(0, _Steps, _Keys) -> 0;
run(Rounds, Steps, Keys) ->
	(small(Steps, Rounds) + large(Keys, Rounds)
	 + run(Rounds - 1, Steps, Keys)) band ?MASK.

%% A counter map of SMALL_KEYS keys; each step bumps one key with := and
%% reads another with a map pattern and with maps:get.
small(Steps, Seed) ->
	Zeros = maps:from_list([{K, 0} || K <- lists:seq(0, ?SMALL_KEYS - 1)]),
	M = small_steps(Steps, Seed, Zeros),
	maps:fold(fun(K, V, Acc) -> (Acc + (K + 1) * V * 7919) band ?MASK end,
		  0, M).

small_steps(0, _Seed, M) -> M;
small_steps(N, Seed, M) ->
	K = (N * 7 + Seed) rem ?SMALL_KEYS,
	J = (N * 13) rem ?SMALL_KEYS,
	#{K := V} = M,
	W = maps:get(J, M),
	small_steps(N - 1, Seed, M#{K := (V + W + 1) band 16#FFFF}).

%% A map of Keys keys inserted one at a time, then: every key looked up,
%% half of them updated, as many absent keys searched, and a fold over it
%% all. The folds only add, so the checksum does not depend on the order
%% in which a VM's maps iterate.
large(Keys, Seed) ->
	M0 = insert(Keys, Seed, #{}),
	Found = lookup(Keys, M0, 0),
	M1 = update(Keys, M0),
	Missing = missing(Keys, M1, 0),
	Folded = maps:fold(fun(K, V, Acc) -> (Acc + K * V) band ?MASK end, 0,
			   M1),
	(Found + Missing + Folded + map_size(M1)) band ?MASK.

%% Keys are spread by a multiplicative hash so insertion order is not
%% key order.
key(N) -> (N * 40503) band 16#FFFFF.

insert(0, _Seed, M) -> M;
insert(N, Seed, M) -> insert(N - 1, Seed, M#{key(N) => N + Seed}).

lookup(0, _M, Sum) -> Sum;
lookup(N, M, Sum) -> lookup(N - 1, M, (Sum + maps:get(key(N), M)) band ?MASK).

update(0, M) -> M;
update(N, M) when N rem 2 =:= 0 ->
	K = key(N),
	#{K := V} = M,
	update(N - 1, M#{K := V * 3});
update(N, M) -> update(N - 1, M).

missing(0, _M, Count) -> Count;
missing(N, M, Count) ->
	K = key(N) + 16#100000,
	case M of
	#{K := _} -> missing(N - 1, M, Count + 1000);
	#{} -> missing(N - 1, M, Count + 1)
	end.
