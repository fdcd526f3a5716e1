%% Binaries: grow one by appending in a loop, build another from an iolist,
%% and parse both back with binary pattern matching (integers of several
%% sizes and endiannesses, sub-binaries of a length given in the data).
-module(bench_binary).
-export([main/0]).

-define(WORDS, 200000).
-define(RECORDS, 100000).
-define(ROUNDS, 7).
-define(MASK, 16#FFFFFFF).

main() ->
	_ = run(1, 1000, 1000),
	T0 = erlang:monotonic_time(microsecond),
	R = run(?ROUNDS, ?WORDS, ?RECORDS),
	T1 = erlang:monotonic_time(microsecond),
	erlang:display({result, R}),
	erlang:display({time_us, T1 - T0}).

run(0, _Words, _Records) -> 0;
run(Rounds, Words, Records) ->
	Appended = append(Words, Rounds, <<>>),
	Built = iolist_to_binary(records(Records, Rounds, [])),
	Sum = sum_words(Appended, 0) + sum_records(Built, 0),
	(Sum + byte_size(Appended) + byte_size(Built)
	 + run(Rounds - 1, Words, Records)) band ?MASK.

%% The appended binary holds each word as a 32-bit big-endian integer
%% followed by a byte of its low bits; Seed varies it between rounds.
append(0, _Seed, Acc) -> Acc;
append(N, Seed, Acc) ->
	X = (N * 2654435761 + Seed) band 16#FFFFFFFF,
	append(N - 1, Seed, <<Acc/binary, X:32, (X band 255):8>>).

sum_words(<<X:32, Low:8, Rest/binary>>, Sum) ->
	sum_words(Rest, (Sum + (X bxor Low)) band ?MASK);
sum_words(<<>>, Sum) -> Sum.

%% Records: a 16-bit little-endian payload length, a signed tag byte, then
%% the payload, some bytes long; the iolist nests so that flattening it
%% is part of the work.
records(0, _Seed, Acc) -> Acc;
records(N, Seed, Acc) ->
	Len = (N + Seed) rem 23,
	Payload = payload(Len, N, []),
	Tag = (N rem 256) - 128,
	records(N - 1, Seed,
		[Acc, <<Len:16/little, Tag:8/signed>>, Payload]).

payload(0, _N, Acc) -> Acc;
payload(Len, N, Acc) -> payload(Len - 1, N, [(N + Len) band 255 | Acc]).

sum_records(<<Len:16/little, Tag:8/signed, Payload:Len/binary, Rest/binary>>,
	    Sum) ->
	sum_records(Rest, (Sum * 31 + Tag + sum_bytes(Payload, Len)) band ?MASK);
sum_records(<<>>, Sum) -> Sum.

sum_bytes(<<B, Rest/binary>>, Sum) -> sum_bytes(Rest, Sum + B);
sum_bytes(<<>>, Sum) -> Sum.
