%% A small module that uses every chunk and operand form OTP 25 writes:
%% the corrupt-input tests (tests/oracle/beam_corrupt.erl) damage its .beam
%% in many ways, and tests/unit/test_loader.c loads it intact.
-module(sample).
-export([main/1, area/1, sum/1, parse/1, build/2, wait/1, safe_div/2, fsum/2,
         big/0, adder/1, lookup/2, tag/1]).
-on_load(init/0).
-vsn("1.0").
-sample_attribute({kbeam, [1, 2.5, "text"]}).

-record(shape, {kind, size = 1.0}).

init() -> ok.

main(Args) ->
    F = fun(X) -> X * 2 end,
    G = fun lists:reverse/1,
    {[F(A) || A <- Args], G(Args), #{key => Args, other => <<"literal">>}}.

area(#shape{kind = square, size = S}) -> S * S;
area(#shape{kind = circle, size = R}) -> 3.14159 * R * R;
area(_) -> error(badshape).

sum([H | T]) -> H + sum(T);
sum([]) -> 0.

%% binary matching: bs_start_match4, bs_match_string, bs_get_integer2 ...
parse(<<"KB", Len:16, Body:Len/binary, Rest/bits>>) -> {Body, Rest};
parse(<<C/utf8, Rest/binary>>) -> {char, C, Rest};
parse(_) -> nomatch.

%% construction: bs_create_bin with a string segment
build(Name, N) when is_binary(Name), is_integer(N) ->
    <<"name=", Name/binary, ";n=", N:32/little, 1:1>>.

wait(Timeout) ->
    receive
        {msg, M} -> M;
        stop -> stopped
    after Timeout -> timeout
    end.

safe_div(A, B) ->
    try A div B of
        Q -> {ok, Q}
    catch
        error:badarith -> {error, badarith};
        throw:T -> {thrown, T}
    end.

%% float registers (fr) and float arithmetic
fsum(X, Y) when is_float(X), is_float(Y) -> X * Y + X / Y - Y.

big() -> {1 bsl 100, -(1 bsl 100), 1 bsl 200, 123456789012345678901234567890}.

adder(N) -> fun(X) -> X + N end.

lookup(Key, Map) ->
    case Map of
        #{Key := V} -> {found, V};
        #{} -> Map#{Key => default}
    end.

tag(X) when is_atom(X); is_pid(X); is_reference(X) -> other;
tag({A, B}) -> {B, A};
tag(X) when is_tuple(X) -> tuple_size(X);
tag([_ | _] = L) -> length(L);
tag(X) -> element(1, X).
