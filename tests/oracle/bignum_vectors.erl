%% Integer arithmetic vectors from OTP for tests/unit/test_bignum.c.
%%
%% main(Dir) writes Dir/bignum_vectors.txt: one case per line, fields
%% separated by single spaces, integers in hexadecimal as
%% integer_to_list(N, 16) writes them ("-1F"), so reading them back needs
%% only the power-of-two text path:
%%   add|sub|mul|div|rem|band|bor|bxor A B R    R = A op B, or badarith
%%   cmp A B C                                  C is -1, 0 or 1
%%   bnot A R
%%   bsl|bsr A N R                              N is a (signed) shift
%%   text A Base S                              S = integer_to_list(A, Base),
%%                                              Base in decimal
%%   float A Bits                               float(A) as the hex of its
%%                                              IEEE bits, or badarg
%%   trunc Bits R                               trunc of the double with those
%%                                              bits
%% The cases are pseudo-random but fixed (rand seeded with exsss {1,2,3}).
-module(bignum_vectors).
-export([main/1]).

main(Dir) ->
    rand:seed(exsss, {1, 2, 3}),
    File = filename:join(Dir, "bignum_vectors.txt"),
    Lines = [specials(), random_pairs(1200), division_cases(400),
             shift_cases(400), float_cases(400), trunc_cases(300),
             huge_cases()],
    ok = file:write_file(File, Lines).

%% ---- values ----

specials() ->
    Vals = special_values(),
    [pair_ops(A, B) || A <- Vals, B <- Vals] ++ [single_ops(A) || A <- Vals].

special_values() ->
    Pos = [0, 1, 2, (1 bsl 59) - 2, (1 bsl 59) - 1, 1 bsl 59, (1 bsl 59) + 1,
           (1 bsl 60) - 1, 1 bsl 60, (1 bsl 63) - 1, 1 bsl 63, (1 bsl 63) + 1,
           (1 bsl 64) - 1, 1 bsl 64, (1 bsl 64) + 1, (1 bsl 128) - 1, 1 bsl 128,
           (1 bsl 127) + 12345],
    Pos ++ [-X || X <- Pos, X =/= 0].

%% A random integer of a mixed size: mostly small and medium, some of
%% several thousand bits.
rand_int() ->
    Bits = case rand:uniform(100) of
               N when N =< 35 -> rand:uniform(64);
               N when N =< 75 -> 64 + rand:uniform(240);
               N when N =< 95 -> 300 + rand:uniform(1700);
               _ -> 2000 + rand:uniform(4000)
           end,
    with_sign(magnitude(Bits)).

with_sign(M) ->
    case rand:uniform(2) of
        1 -> M;
        2 -> -M
    end.

%% A magnitude of about Bits bits: uniform bits, or 64-bit digits drawn from
%% edge patterns (all ones, top bit only, ...) that stress carries and
%% quotient estimates.
magnitude(Bits) ->
    case rand:uniform(10) of
        N when N =< 6 -> rand_bits(Bits);
        N when N =< 9 -> patterned((Bits + 63) div 64);
        _ -> (1 bsl Bits) - rand:uniform(3) + 1 % around a power of two
    end.

rand_bits(Bits) ->
    Bytes = (Bits + 7) div 8,
    <<X:Bytes/unit:8>> = rand:bytes(Bytes),
    X bsr (Bytes * 8 - Bits).

patterned(Digits) ->
    lists:foldl(fun(_, Acc) -> (Acc bsl 64) bor pattern_digit() end, 0,
                lists:seq(1, Digits)).

pattern_digit() ->
    case rand:uniform(7) of
        1 -> 0;
        2 -> 1;
        3 -> 1 bsl 63;
        4 -> (1 bsl 63) - 1;
        5 -> (1 bsl 64) - 1;
        6 -> (1 bsl 64) - 2;
        7 -> rand:uniform(1 bsl 64) - 1
    end.

%% ---- cases ----

random_pairs(N) ->
    [begin
         A = rand_int(),
         B = rand_int(),
         [pair_ops(A, B), single_ops(A)]
     end || _ <- lists:seq(1, N)].

%% Long division: a dividend of up to 40 digits over divisors of every
%% shorter length, with patterned digits so that quotient digit estimates
%% are off by one or two (and need the rare add-back step).
division_cases(N) ->
    [begin
         An = rand:uniform(40),
         Bn = rand:uniform(An),
         A = with_sign(patterned(An)),
         B = with_sign(patterned(Bn) bor 1),
         Q = with_sign(patterned(An - Bn + 1)),
         A2 = Q * B + A rem B,
         [div_ops(A, B), div_ops(A2, B), div_ops(B * Q, B)]
     end || _ <- lists:seq(1, N)].

div_ops(_, 0) ->
    [];
div_ops(A, B) ->
    [op(Op, A, B, erlang:Op(A, B)) || Op <- ['div', 'rem']].

shift_cases(N) ->
    [begin
         A = rand_int(),
         S = case rand:uniform(4) of
                 1 -> rand:uniform(129) - 65;
                 2 -> rand:uniform(600) - 300;
                 3 -> lists:nth(rand:uniform(8), [0, 1, 59, 60, 63, 64, 65, 128]);
                 4 -> rand:uniform(10000) - 5000
             end,
         [shift_op('bsl', A, S), shift_op('bsr', A, S)]
     end || _ <- lists:seq(1, N)].

%% Values around double rounding boundaries: a 53-bit mantissa, then the
%% bits below it exactly half, just below, just above.
float_cases(N) ->
    [begin
         K = rand:uniform(1000) + 23,
         M = (1 bsl 52) bor rand:uniform(1 bsl 52) - 1,
         Half = 1 bsl (K - 1),
         Low = case rand:uniform(5) of
                   1 -> Half;
                   2 -> Half - 1;
                   3 -> Half + 1;
                   4 -> 0;
                   5 -> rand:uniform(2 * Half) - 1
               end,
         float_op(with_sign((M bsl K) + Low))
     end || _ <- lists:seq(1, N)]
        ++ [float_op(X) || X <- [(1 bsl 1024) - 1, (1 bsl 1024) - (1 bsl 970),
                                 (1 bsl 1024) - (1 bsl 970) - 1,
                                 (1 bsl 1024) - (1 bsl 971), 1 bsl 1024,
                                 -((1 bsl 1024) - (1 bsl 971)), 1 bsl 1023,
                                 (1 bsl 2000) + 1]].

trunc_cases(N) ->
    [begin
         Exp = case rand:uniform(3) of
                   1 -> rand:uniform(2047) - 1;      % any finite exponent
                   2 -> 1023 + rand:uniform(80);     % around 2^60
                   3 -> 1023 + rand:uniform(1023) - 1
               end,
         Sign = rand:uniform(2) - 1,
         Frac = rand:uniform(1 bsl 52) - 1,
         <<Bits:64>> = <<Sign:1, Exp:11, Frac:52>>,
         <<F:64/float>> = <<Bits:64>>,
         line(["trunc", hex(Bits), hex(trunc(F))])
     end || _ <- lists:seq(1, N)].

%% A couple of ~100000-bit numbers: Karatsuba over several levels, long
%% division of big operands, and divide-and-conquer text conversion.
huge_cases() ->
    X = rand_bits(100000) bor (1 bsl 99999),
    Y = -(rand_bits(99000) bor (1 bsl 98999)),
    Z = patterned(50),
    W = rand_bits(40000),
    [pair_ops(X, Y), pair_ops(Y, Z), pair_ops(X, W),
     div_ops(X * Y + Z, Y), div_ops(X * W, X),
     [text_op(V, Base) || V <- [X, Y], Base <- [2, 10, 36, 7]],
     shift_op('bsl', X, 100000), shift_op('bsr', X, 99990),
     shift_op('bsr', Y, 12345), shift_op('bsl', 1, 100000),
     float_op(X)].

%% ---- lines ----

pair_ops(A, B) ->
    [[op(Op, A, B, erlang:Op(A, B)) || Op <- ['+', '-', '*', 'band', 'bor', 'bxor']],
     div_ops(A, B),
     line(["cmp", hex(A), hex(B), integer_to_list(cmp(A, B))])].

cmp(A, B) when A < B -> -1;
cmp(A, B) when A == B -> 0;
cmp(_, _) -> 1.

single_ops(A) ->
    [line(["bnot", hex(A), hex(bnot A)]),
     [text_op(A, Base) || Base <- [2, 10, 16, 36, rand:uniform(35) + 1]],
     float_op(A)].

op(Op, A, B, R) ->
    line([op_name(Op), hex(A), hex(B), hex(R)]).

op_name('+') -> "add";
op_name('-') -> "sub";
op_name('*') -> "mul";
op_name(Op) -> atom_to_list(Op).

shift_op(Op, A, S) ->
    line([atom_to_list(Op), hex(A), hex(S), hex(erlang:Op(A, S))]).

text_op(A, Base) ->
    line(["text", hex(A), integer_to_list(Base), integer_to_list(A, Base)]).

float_op(A) ->
    R = try float(A) of
            F -> <<Bits:64>> = <<F:64/float>>, hex(Bits)
        catch
            error:badarg -> "badarg"
        end,
    line(["float", hex(A), R]).

line(Fields) -> [lists:join(" ", Fields), "\n"].

%% integer_to_list(N, 16), in linear time for big N (OTP's is quadratic).
hex(N) when N < 0 -> ["-", hex(-N)];
hex(N) when N < 1 bsl 64 -> integer_to_list(N, 16);
hex(N) ->
    case binary:encode_hex(binary:encode_unsigned(N)) of
        <<"0", Digits/binary>> -> Digits;
        Digits -> Digits
    end.
