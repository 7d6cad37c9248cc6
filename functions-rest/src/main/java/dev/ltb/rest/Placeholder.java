package dev.ltb.rest;
